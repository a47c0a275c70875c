package org.haochaping.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Art. 9 (online channels, 一事一评) and Art. 10 (offline channels, 一次一评). */
class ChannelTest {

    @Test
    void onlineChannelsOfArticle9() {
        assertThat(Arrays.stream(Channel.values()).filter(Channel::isOnline))
                .containsExactlyInAnyOrder(Channel.ONLINE_HALL, Channel.DEPARTMENT_SYSTEM, Channel.MOBILE_APP,
                        Channel.HOTLINE_12345, Channel.SMS);
    }

    @Test
    void offlineChannelsOfArticle10() {
        assertThat(Arrays.stream(Channel.values()).filter(c -> !c.isOnline()))
                .containsExactlyInAnyOrder(Channel.WINDOW_EVALUATOR, Channel.STATIC_QR_CODE, Channel.DYNAMIC_QR_CODE,
                        Channel.SELF_SERVICE_TERMINAL, Channel.SUGGESTION_BOX);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void onlineIsOncePerCaseAndOfflineOncePerVisit(Channel channel) {
        assertThat(channel.cadence())
                .isEqualTo(channel.isOnline() ? Channel.Cadence.PER_CASE : Channel.Cadence.PER_VISIT);
    }

    @Test
    void cadenceNamesAsTheRulesWriteThem() {
        assertThat(Channel.Cadence.PER_CASE.chineseName()).isEqualTo("一事一评");
        assertThat(Channel.Cadence.PER_VISIT.chineseName()).isEqualTo("一次一评");
        assertThat(Channel.ONLINE_HALL.chineseName()).isEqualTo("天津网上办事大厅");
        assertThat(Channel.HOTLINE_12345.chineseName()).isEqualTo("12345政务服务便民热线");
        assertThat(Channel.WINDOW_EVALUATOR.chineseName()).isEqualTo("窗口评价器");
        assertThat(Channel.SELF_SERVICE_TERMINAL.chineseName()).isEqualTo("自助服务终端");
    }
}
