package org.haochaping.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.model.Channel;
import org.haochaping.wire.WireProfile;
import org.haochaping.wire.internal.WireTrees;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped JSON Schemas and the SDK's profiles describe the same fields: everything a profile writes is declared,
 * everything a schema requires is written, and every enum the schema lists is one the model has.
 */
class SchemaConsistencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema(String name) throws IOException {
        try (InputStream in = SchemaConsistencyTest.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as(name + " is in the kit's jar").isNotNull();
            return JSON.readTree(in);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void unifiedSchemasDeclareWhatTheProfileWritesAndRequire() throws IOException {
        JsonNode evaluation = schema("unified-evaluation.schema.json");
        JsonNode caseSchema = schema("unified-case.schema.json");
        for (SamplePayloads.Sample s : SamplePayloads.all()) {
            JsonNode written = WireTrees.writeEvaluation(WireProfile.unified(), s.evaluation());
            assertThat(evaluation.get("properties").fieldNames()).toIterable().containsAll(names(written));
            assertThat(names(written)).containsAll(texts(evaluation.get("required")));
            assertThat(names(caseSchema.get("properties"))).containsAll(names(written.get("case")));
            assertThat(names(written.get("case"))).containsAll(texts(caseSchema.get("required")));
            assertThat(names(evaluation.at("/properties/evaluator/properties")))
                    .containsAll(names(written.get("evaluator")));
        }
        Set<String> channels = texts(evaluation.at("/properties/channel/enum"));
        for (Channel c : Channel.values()) {
            assertThat(channels).contains(c.name());
        }
        assertThat(channels).hasSize(Channel.values().length);
    }

    @Test
    void nationalSchemaDeclaresEveryFieldTheProfileWrites() throws IOException {
        JsonNode national = schema("national-evaluation.schema.json");
        for (SamplePayloads.Sample s : SamplePayloads.all()) {
            if (s.evaluation().channel() == Channel.SUGGESTION_BOX) {
                continue;
            }
            JsonNode written = WireTrees.writeEvaluation(WireProfile.national(), s.evaluation());
            assertThat(names(national.get("properties"))).containsAll(names(written));
            assertThat(names(written)).containsAll(texts(national.get("required")));
        }
    }
}
