package org.haochaping.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReminderMessageTest {

    private static final String LINK = "tj.gov.cn/e/AAAAB1u8AscLlkpWiJl4";

    private static ReminderMessage.Builder message() {
        return ReminderMessage.builder().signature("天津政务").department("市场监管委").item("企业设立登记")
                .lastDay(LocalDate.of(2027, 1, 5)).link(LINK);
    }

    @Test
    void aTypicalReminderFitsOneSegmentWithDepartmentItemLastDayAndLink() {
        ReminderMessage m = message().build();

        assertThat(m.sms()).isEqualTo("【天津政务】您在市场监管委办理的“企业设立登记”已办结，请于1月5日前评价：" + LINK);
        assertThat(m.smsLength()).isLessThanOrEqualTo(ReminderMessage.SMS_SEGMENT);
        assertThat(m.smsSegments()).isEqualTo(1);
    }

    @Test
    void longNamesAreShortenedItemFirstToStayInOneSegment() {
        ReminderMessage m = message().department("天津市市场监督管理委员会").item("企业设立登记（有限责任公司）").build();

        assertThat(m.smsLength()).isEqualTo(ReminderMessage.SMS_SEGMENT);
        assertThat(m.smsSegments()).isEqualTo(1);
        // The item goes down to its floor (4 characters and an ellipsis) before the department is touched.
        assertThat(m.sms()).startsWith("【天津政务】您在天津市市场").contains("办理的“企业设立…”已办结").endsWith("前评价：" + LINK);
    }

    @Test
    void whenShorteningCannotFitTheFullTextIsSentInSeveralSegments() {
        String longLink = "https://zwfw.tj.gov.cn/hcp/reminder/evaluate/AAAAB1u8AscLlkpWiJl4";
        ReminderMessage m = message().department("天津市市场监督管理委员会").item("企业设立登记（有限责任公司）").link(longLink).build();

        assertThat(m.sms()).contains("天津市市场监督管理委员会").contains("企业设立登记（有限责任公司）").endsWith(longLink);
        assertThat(m.smsSegments()).isEqualTo((m.smsLength() + 66) / 67).isGreaterThan(1);
    }

    @Test
    void theCallScriptNamesTheWindowAndLeavesTheChoiceToTheEvaluator() {
        String script = message().build().callScript();

        assertThat(script).contains("市场监管委").contains("企业设立登记").contains("1月5日").contains("由您自主决定");
    }

    @Test
    void missingPartsAreRefusedByName() {
        assertThatThrownBy(() -> message().link(null).build()).hasMessageContaining("link");
        assertThatThrownBy(() -> message().lastDay(null).build()).hasMessageContaining("lastDay");
    }
}
