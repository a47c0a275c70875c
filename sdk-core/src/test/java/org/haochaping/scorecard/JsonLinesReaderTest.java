package org.haochaping.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;

/** One parser over the whole input: records, their lines, and lines that are not one record each. */
class JsonLinesReaderTest {

    private static final String E1 = "{\"kind\":\"evaluation\",\"evaluationId\":\"E1\",\"caseNo\":\"C1\",\"deptCode\":\"D1\","
            + "\"areaCode\":\"120101\",\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}";
    private static final String E2 = E1.replace("E1", "E2").replace("C1", "C2").replace("\"SATISFIED", "\"DISSATISFIED");

    @Test
    void readsRecordsWithTheirLinesAcrossBlankLinesAndCrLf() throws Exception {
        String text = "\r\n" + E1 + "\r\n\r\n  \t\n" + E2 + "\n\n";
        try (JsonLinesReader in = JsonLinesReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            RecordFields f = new RecordFields();
            assertThat(in.next(f)).isTrue();
            assertThat(in.line()).isEqualTo(2);
            assertThat(f.get(RecordFields.EVALUATION_ID)).isEqualTo("E1");
            assertThat(f.grade).isEqualTo(Grade.SATISFIED);
            assertThat(in.next(f)).isTrue();
            assertThat(in.line()).isEqualTo(5);
            assertThat(f.get(RecordFields.CASE_NO)).isEqualTo("C2");
            assertThat(f.grade).isEqualTo(Grade.DISSATISFIED);
            assertThat(in.next(f)).isFalse();
        }
    }

    @Test
    void refusesARecordOverTwoLinesOrTwoOnALine() {
        assertFails(E1 + "\n" + E2.replace(",\"grade\"", ",\n\"grade\""), 2, "one JSON object on one line");
        assertFails(E1 + "\n" + E1 + " " + E2 + "\n", 2, "one JSON object on one line");
        assertFails(E1 + "\n" + E2 + " 5\n", 2, "one JSON object on one line");
        assertFails(E1 + "\n\n[1]\n", 3, "one JSON object on one line");
        assertFails(E1 + "\n\n{\"kind\": x}\n", 3, "not JSON");
        // A bad escape is found when the string is decoded, after its token was read.
        assertFails(E1 + "\n" + E2.replace("\"C2\"", "\"C\\q\"") + "\n", 2, "not JSON");
        assertFails(E1 + "\n" + E2.replace("\"C2\"", "\"C\u0001\"") + "\n", 2, "not JSON");
        assertFails(E1 + "\n" + E2.replace("\"C2\"", "7") + "\n", 2, "caseNo\" must be a string");
    }

    /** From characters and from UTF-8 bytes (Jackson's two parsers). */
    private static void assertFails(String text, int line, String problem) {
        assertThatThrownBy(() -> readAll(JsonLinesReader.of(new StringReader(text))))
                .isInstanceOfSatisfying(StatisticsRecordException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining(problem);
        assertThatThrownBy(() -> readAll(JsonLinesReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(StatisticsRecordException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining(problem);
    }

    private static void readAll(JsonLinesReader reader) throws Exception {
        try (JsonLinesReader in = reader) {
            RecordFields f = new RecordFields();
            while (in.next(f)) {
                // read on
            }
        }
    }
}
