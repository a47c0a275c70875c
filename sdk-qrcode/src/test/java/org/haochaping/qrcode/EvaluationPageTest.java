package org.haochaping.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluationPageTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://zwfw.tj.gov.cn/hcp/e",
        "http://10.0.0.7:8080/eval",
        "https://xn--fiqs8s.xn--fiqs8s/hcp",
        "https://example.gov.cn/eval?src=hall&lang=zh-CN",
        "https://example.gov.cn"
    })
    void acceptsAbsoluteHttpUrls(String url) {
        assertThat(EvaluationPage.of(url).baseUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "zwfw.tj.gov.cn/hcp/e",
        "ftp://zwfw.tj.gov.cn/hcp/e",
        "https://zwfw.tj.gov.cn/hcp/e#top",
        "https://zwfw.tj.gov.cn/hcp/e?",
        "https://zwfw.tj.gov.cn/hcp/e?x=1&",
        "https://zwfw.tj.gov.cn/hcp/评价",
        "https://zwfw.tj.gov.cn/hcp/e e",
        "https://zwfw.tj.gov.cn/hcp/e?r=1",
        "https://zwfw.tj.gov.cn/hcp/e?src=x&a=120101",
        "https://-bad-.gov.cn/e"
    })
    void refusesWhatWouldBreakTheCodes(String url) {
        assertThatThrownBy(() -> EvaluationPage.of(url)).isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("baseUrl:");
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongUrls() {
        assertThatThrownBy(() -> EvaluationPage.of("https://example.gov.cn/" + "p".repeat(200)))
                .isInstanceOf(InvalidFieldException.class);
    }
}
