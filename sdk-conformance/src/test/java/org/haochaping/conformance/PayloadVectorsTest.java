package org.haochaping.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.conformance.vectors.PayloadVectors;
import org.haochaping.rules.Violation;
import org.haochaping.wire.Decoded;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the shipped payload vectors against the SDK, and keeps the files in step with their generator. */
class PayloadVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String resource(String name) throws IOException {
        try (InputStream in = PayloadVectorsTest.class.getResourceAsStream("/vectors/" + name)) {
            assertThat(in).as(name + " ships in the kit's jar").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (String profileName : new String[] {"unified", "national"}) {
            WireProfile profile = WireProfile.named(profileName);
            String text = resource("payload_validity_" + profileName + ".json");
            out.add(DynamicTest.dynamicTest(profileName + ": file equals its generator's output",
                    () -> assertThat(text).isEqualTo(PayloadVectors.text(PayloadVectors.generate(profile)))));
            JsonNode file = JSON.readTree(text);
            out.add(DynamicTest.dynamicTest(profileName + ": header and ids", () -> checkStructure(file)));
            PayloadCodec codec = PayloadCodec.of(profile);
            for (JsonNode t : file.at("/testGroups/0/tests")) {
                String name = profileName + " tcId " + t.get("tcId").asInt() + ": " + t.get("comment").asText();
                out.add(DynamicTest.dynamicTest(name, () -> check(codec, t)));
            }
        }
        return out.stream();
    }

    private static void checkStructure(JsonNode file) {
        JsonNode tests = file.at("/testGroups/0/tests");
        assertThat(file.get("numberOfTests").asInt()).isEqualTo(tests.size());
        Set<Integer> ids = new HashSet<>();
        int invalid = 0;
        for (JsonNode t : tests) {
            assertThat(ids.add(t.get("tcId").asInt())).isTrue();
            invalid += "invalid".equals(t.get("result").asText()) ? 1 : 0;
        }
        assertThat(invalid).as("both valid and invalid cases").isBetween(10, tests.size() - 10);
    }

    private static void check(PayloadCodec codec, JsonNode t) throws IOException {
        List<Decoded<org.haochaping.model.Evaluation>> decoded =
                codec.decodeEvaluations(JSON.writeValueAsString(t.get("payload")));
        assertThat(decoded).hasSize(1);
        List<Violation> found = decoded.get(0).violations();
        if ("valid".equals(t.get("result").asText())) {
            assertThat(found).as("a valid payload is accepted").isEmpty();
            return;
        }
        assertThat(found).as("an invalid payload is refused").isNotEmpty();
        for (JsonNode expected : t.get("violations")) {
            assertThat(found).as("reports " + expected)
                    .anyMatch(v -> v.path().equals(expected.get("path").asText())
                            && v.rule().equals(expected.get("rule").asText()));
        }
    }
}
