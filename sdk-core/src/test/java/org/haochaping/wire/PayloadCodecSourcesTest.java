package org.haochaping.wire;

import org.haochaping.Fixtures;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The byte, byte-stream and character-stream reads of a payload agree with the text read, under the same limits. */
class PayloadCodecSourcesTest {

    private static final Evaluation EVALUATION = Fixtures.bothEvaluation(Fixtures.windowCase()).build();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everySourceReadsTheSameEvaluationInBothProfiles() {
        for (WireProfile profile : Arrays.asList(WireProfile.unified(), WireProfile.national())) {
            PayloadCodec codec = PayloadCodec.of(profile);
            String json = codec.write(EVALUATION);
            assertThat(json).contains("张"); // a name in the fixture: multi-byte UTF-8 is decoded, not mangled
            assertThat(codec.readEvaluation(utf8(json))).isEqualTo(EVALUATION);
            assertThat(codec.readEvaluation(new ByteArrayInputStream(utf8(json)))).isEqualTo(EVALUATION);
            assertThat(codec.readEvaluation(new StringReader(json))).isEqualTo(EVALUATION);
        }
    }

    @Test
    void everySourceReadsTheSameCase() {
        CaseRecord c = Fixtures.windowCase();
        PayloadCodec codec = PayloadCodec.of(WireProfile.unified());
        String json = codec.writeCase(c);
        assertThat(codec.readCase(utf8(json))).isEqualTo(c);
        assertThat(codec.readCase(new ByteArrayInputStream(utf8(json)))).isEqualTo(c);
        assertThat(codec.readCase(new StringReader(json))).isEqualTo(c);
        assertThat(contents(codec.decodeCases(utf8("[" + json + "]")))).isEqualTo(contents(codec.decodeCases("[" + json + "]")));
    }

    @Test
    void decodingAnArrayGivesTheSameRecordsAndViolationsFromEverySource() {
        PayloadCodec codec = PayloadCodec.of(WireProfile.national());
        String good = codec.write(EVALUATION);
        String json = "[" + good + "," + good.replace("\"satisfaction\":\"", "\"satisfaction\":\"9") + "]";
        List<Decoded<Evaluation>> decoded = codec.decodeEvaluations(json);
        List<List<Object>> fromText = contents(decoded);
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(1).violations()).extracting(v -> v.path()).contains("[1].satisfaction");
        assertThat(contents(codec.decodeEvaluations(utf8(json)))).isEqualTo(fromText);
        assertThat(contents(codec.decodeEvaluations(new ByteArrayInputStream(utf8(json))))).isEqualTo(fromText);
        assertThat(contents(codec.decodeEvaluations(new StringReader(json)))).isEqualTo(fromText);
    }

    @Test
    void theByteLimitHoldsForEverySource() {
        PayloadCodec small = PayloadCodec.of(WireProfile.unified(), PayloadLimits.builder().maxInputBytes(1000).build());
        String atLimit = "[" + repeat(" ", 998) + "]";
        assertThat(small.decodeEvaluations(utf8(atLimit))).isEmpty();
        assertThat(small.decodeEvaluations(new ByteArrayInputStream(utf8(atLimit)))).isEmpty();
        assertThat(small.decodeEvaluations(new StringReader(atLimit))).isEmpty();
        // 334 Chinese characters are 1,002 bytes of UTF-8 in 336 chars
        String chinese = "[\"" + repeat("张", 334) + "\"]";
        assertThatThrownBy(() -> small.decodeEvaluations(utf8(chinese))).isInstanceOf(PayloadLimitException.class);
        assertThatThrownBy(() -> small.decodeEvaluations(new ByteArrayInputStream(utf8(chinese))))
                .isInstanceOf(PayloadLimitException.class);
        assertThatThrownBy(() -> small.decodeEvaluations(new StringReader(chinese)))
                .isInstanceOf(PayloadLimitException.class);
        String longText = "[" + repeat(" ", 1000) + "]";
        assertThatThrownBy(() -> small.decodeEvaluations(new StringReader(longText)))
                .isInstanceOf(PayloadLimitException.class)
                .hasMessage("payload is larger than 1000 bytes (limit maxInputBytes)");
    }

    @Test
    void anEndlessStreamIsReadOnlyJustPastTheLimit() {
        PayloadCodec small = PayloadCodec.of(WireProfile.unified(), PayloadLimits.builder().maxInputBytes(1000).build());
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertThatThrownBy(() -> small.decodeEvaluations(endless)).isInstanceOf(PayloadLimitException.class);
    }

    @Test
    void malformedUtf8IsRefusedNotReplaced() {
        PayloadCodec codec = PayloadCodec.of(WireProfile.unified());
        byte[] bad = {'{', '"', 'f', 'r', 'e', 'e', 'T', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThatThrownBy(() -> codec.readEvaluation(bad)).isInstanceOf(MalformedPayloadException.class)
                .hasMessage("not valid UTF-8");
        assertThatThrownBy(() -> codec.readEvaluation((byte[]) null)).isInstanceOf(MalformedPayloadException.class)
                .hasMessage("no payload");
    }

    @Test
    void theCallersStreamIsLeftOpen() {
        AtomicBoolean closed = new AtomicBoolean();
        PayloadCodec codec = PayloadCodec.of(WireProfile.unified());
        InputStream in = new FilterInputStream(new ByteArrayInputStream(utf8(codec.write(EVALUATION)))) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        assertThat(codec.readEvaluation(in)).isEqualTo(EVALUATION);
        assertThat(closed).isFalse();
    }

    /** Decoded has no equals: compare what it holds. */
    private static <T> List<List<Object>> contents(List<Decoded<T>> decoded) {
        List<List<Object>> out = new java.util.ArrayList<>();
        for (Decoded<T> d : decoded) {
            out.add(Arrays.asList(d.value(), d.violations()));
        }
        return out;
    }

    private static String repeat(String s, int times) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < times; i++) {
            sb.append(s);
        }
        return sb.toString();
    }
}
