package org.haochaping.conformance.kit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedFailuresTest {

    @Test
    void readsFileTcIdAndReasonSkippingCommentsAndBlankLines() {
        ExpectedFailures list = ExpectedFailures.parse(List.of("# deviations of build 42", "",
                "sm4_test.json#7  no CBC support yet", "payload_validity_unified.json#012 Art. 14 not implemented"));
        assertThat(list.keys()).containsExactly("sm4_test.json#7", "payload_validity_unified.json#12");
        VectorCase c = VectorFile.shipped("sm4_test.json").cases().stream().filter(v -> v.tcId() == 7).findFirst().orElseThrow();
        assertThat(list.reason(c)).contains("no CBC support yet");
    }

    @Test
    void refusesALineWithoutReasonOrTcIdNamingTheLine() {
        assertThatThrownBy(() -> ExpectedFailures.parse(List.of("sm4_test.json#7 ok", "sm4_test.json#8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> ExpectedFailures.parse(List.of("sm4_test.json 7 reason")))
                .hasMessageStartingWith("line 1:");
        assertThatThrownBy(() -> ExpectedFailures.parse(List.of("sm4_test.json#7 a", "sm4_test.json#7 b")))
                .hasMessageContaining("listed twice");
    }
}
