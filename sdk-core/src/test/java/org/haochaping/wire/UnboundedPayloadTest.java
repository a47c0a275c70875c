package org.haochaping.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.haochaping.Fixtures;
import org.haochaping.model.Evaluation;
import org.haochaping.rules.Violation;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 6: unbounded payloads. 10^6 empty objects (3 MB) needed over 1 GB of heap; 10^6 duplicate
 * {@code targets} entries were reported valid. Each resource limit is a {@link PayloadLimitException} naming the
 * limit, raised while the payload streams in.
 */
class UnboundedPayloadTest {

    private static final PayloadCodec UNIFIED = PayloadCodec.of(WireProfile.unified());
    private static final PayloadCodec NATIONAL = PayloadCodec.of(WireProfile.national());

    private static String repeated(String element, int times) {
        StringBuilder sb = new StringBuilder(element.length() * times + 2).append('[');
        for (int i = 0; i < times; i++) {
            sb.append(i == 0 ? "" : ",").append(element);
        }
        return sb.append(']').toString();
    }

    private static String valid() {
        return UNIFIED.write(Fixtures.bothEvaluation(Fixtures.windowCase()).build());
    }

    @Test
    void aMillionEmptyObjectsAreRefusedAtTheRecordLimitWithoutBuildingThemAll() {
        String payload = repeated("{}", 1_000_000);
        assertThatThrownBy(() -> UNIFIED.decodeEvaluations(payload))
                .isInstanceOf(PayloadLimitException.class)
                .hasMessageContaining("more than 10000 records")
                .satisfies(e -> assertThat(((PayloadLimitException) e).limit()).isEqualTo("maxRecords"));
        // the 10,001st record is where reading stopped: line 1, column 1 + 1 + 10000 * 3
        assertThatThrownBy(() -> UNIFIED.decodeCases(payload))
                .isInstanceOf(PayloadLimitException.class)
                .satisfies(e -> assertThat(((PayloadLimitException) e).column()).isEqualTo(2 + 10_000 * 3));
    }

    @Test
    void exactlyAtTheRecordLimitIsRead() {
        PayloadCodec three = PayloadCodec.of(WireProfile.unified(), PayloadLimits.builder().maxRecords(3).build());
        assertThat(three.decodeEvaluations(repeated(valid(), 3))).hasSize(3).allMatch(Decoded::isValid);
        assertThatThrownBy(() -> three.decodeEvaluations(repeated(valid(), 4)))
                .isInstanceOf(PayloadLimitException.class).hasMessageContaining("more than 3 records");
    }

    @Test
    void duplicateTargetsAreAViolationOfArticleSix() {
        String twice = valid().replace("\"targets\":[\"SERVICE_ITEM\",\"SERVICE_STAFF\"]",
                "\"targets\":[\"SERVICE_ITEM\",\"SERVICE_STAFF\",\"SERVICE_STAFF\"]");
        assertThat(twice).isNotEqualTo(valid());
        List<Violation> violations = UNIFIED.decodeEvaluations(twice).get(0).violations();
        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("targets[2]", "Art. 6"));

        Evaluation e = Fixtures.bothEvaluation(Fixtures.windowCase()).build();
        String national = NATIONAL.write(e);
        assertThat(national).contains("\"evalTargets\":\"SERVICE_ITEM,SERVICE_STAFF\"");
        StringBuilder many = new StringBuilder("SERVICE_ITEM");
        for (int i = 0; i < 100_000; i++) {
            many.append(",SERVICE_ITEM");
        }
        String flood = national.replace("\"evalTargets\":\"SERVICE_ITEM,SERVICE_STAFF\"",
                "\"evalTargets\":\"" + many + "\"");
        List<Violation> nationalViolations = NATIONAL.decodeEvaluations(flood).get(0).violations();
        assertThat(nationalViolations).extracting(Violation::path).containsOnlyOnce("evalTargets");
        assertThat(nationalViolations).anyMatch(v -> v.rule().equals("Art. 6") && v.message().contains("twice"));
    }

    @Test
    void aMillionTargetsStopAtTheArrayLimit() {
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            targets.append(i == 0 ? "" : ",").append("\"SERVICE_STAFF\"");
        }
        String flood = valid().replace("\"targets\":[\"SERVICE_ITEM\",\"SERVICE_STAFF\"]",
                "\"targets\":[" + targets + "]");
        assertThatThrownBy(() -> UNIFIED.decodeEvaluations(flood))
                .isInstanceOf(PayloadLimitException.class)
                .hasMessageContaining("an array of more than 256 elements")
                .satisfies(e -> assertThat(((PayloadLimitException) e).limit()).isEqualTo("maxArrayLength"));
        // Arrays of records inside an array of records count too; the top-level array is the record limit's.
        assertThatThrownBy(() -> UNIFIED.decodeEvaluations("[" + flood + "]"))
                .isInstanceOf(PayloadLimitException.class)
                .satisfies(e -> assertThat(((PayloadLimitException) e).limit()).isEqualTo("maxArrayLength"));
    }

    @Test
    void deepNestingStopsAtTheDepthLimit() {
        String deep = "{\"case\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertThatThrownBy(() -> UNIFIED.decodeEvaluations(deep))
                .isInstanceOf(PayloadLimitException.class)
                .hasMessageContaining("nested deeper than 16 levels")
                .satisfies(e -> assertThat(((PayloadLimitException) e).limit()).isEqualTo("maxDepth"));
        String deepObjects = "{\"a\":".repeat(17) + "1" + "}".repeat(17);
        assertThatThrownBy(() -> NATIONAL.decodeEvaluations(deepObjects)).isInstanceOf(PayloadLimitException.class);
        String atLimit = "{\"a\":".repeat(16) + "1" + "}".repeat(16);
        assertThat(NATIONAL.decodeEvaluations(atLimit)).hasSize(1);
    }

    @Test
    void inputLargerThanTheByteLimitIsRefusedBeforeParsing() {
        PayloadCodec small = PayloadCodec.of(WireProfile.unified(),
                PayloadLimits.builder().maxInputBytes(1000).build());
        String justOver = "[" + " ".repeat(998) + "]";
        assertThat(justOver).hasSize(1000);
        assertThat(small.decodeEvaluations(justOver)).isEmpty();
        // 334 Chinese characters are 1,002 bytes of UTF-8 in 336 chars
        String chinese = "[\"" + "张".repeat(334) + "\"]";
        assertThatThrownBy(() -> small.decodeEvaluations(chinese))
                .isInstanceOf(PayloadLimitException.class)
                .hasMessage("payload is larger than 1000 bytes (limit maxInputBytes)")
                .satisfies(e -> assertThat(((PayloadLimitException) e).limit()).isEqualTo("maxInputBytes"));
    }

    @Test
    void trailingContentAndUnclosedArraysAreStillMalformed() {
        assertThatThrownBy(() -> UNIFIED.decodeEvaluations("{} {}")).isInstanceOf(MalformedPayloadException.class)
                .isNotInstanceOf(PayloadLimitException.class);
        assertThatThrownBy(() -> UNIFIED.decodeEvaluations("[{}")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> UNIFIED.readEvaluation("[{}]")).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("expected one JSON object");
    }
}
