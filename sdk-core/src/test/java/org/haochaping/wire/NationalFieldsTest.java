package org.haochaping.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.Fixtures;
import org.haochaping.model.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The national field table is the one place a field is named: the writer, the reader and wirePath follow it. */
class NationalFieldsTest {

    private static List<String> tableNames() {
        List<String> names = new ArrayList<>();
        NationalFields.CASE.forEach(f -> names.add(f.wire));
        NationalFields.EVALUATION.forEach(f -> names.add(f.wire));
        return names;
    }

    @Test
    void everyWireNameIsInTheTableOnce() {
        List<String> names = tableNames();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    }

    @Test
    void theWriterWritesTableFieldsInTableOrder() {
        Evaluation e = Fixtures.bothEvaluation(Fixtures.windowCase()).build();
        ObjectNode written = WireProfile.national().writeEvaluation(e);
        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        List<String> expected = new ArrayList<>(tableNames());
        expected.retainAll(fields);
        assertThat(fields).isEqualTo(expected);
        assertThat(fields).contains("projectNo", "satisfaction", "pf", "userName", "evalTargets");
    }

    @Test
    void wirePathFollowsTheTableForEveryModelPath() {
        WireProfile national = WireProfile.national();
        Set<String> paths = new HashSet<>();
        for (NationalField<?, ?> f : allFields()) {
            for (String modelPath : f.modelPaths) {
                assertThat(national.wirePath(modelPath)).as(modelPath).isEqualTo(f.wire);
                assertThat(paths.add(modelPath)).as("model path %s named twice", modelPath).isTrue();
            }
        }
        assertThat(national.wirePath("indicators[1]")).isEqualTo("evalDetail[1]");
        assertThat(national.wirePath("case")).isEqualTo("projectNo");
        assertThat(national.wirePath("evaluator")).isEqualTo("userName");
        assertThat(national.wirePath("notAField")).isEqualTo("notAField");
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        Evaluation e = Fixtures.bothEvaluation(Fixtures.windowCase()).build();
        WireProfile national = WireProfile.national();
        Decoded<Evaluation> back = national.readEvaluation(national.writeEvaluation(e), "");
        assertThat(back.violations()).isEmpty();
        assertThat(back.value()).isEqualTo(e);
    }

    private static List<NationalField<?, ?>> allFields() {
        List<NationalField<?, ?>> all = new ArrayList<>(NationalFields.CASE);
        all.addAll(NationalFields.EVALUATION);
        return all;
    }
}
