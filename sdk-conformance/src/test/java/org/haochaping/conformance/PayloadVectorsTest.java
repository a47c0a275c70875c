package org.haochaping.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.conformance.vectors.PayloadVectors;
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

/**
 * Keeps the shipped payload vector files in step with their generator. The SDK runs the cases themselves through
 * the kit's contract ({@code org.haochaping.conformance.kit.SdkPayloadCodecContractTest}).
 */
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
}
