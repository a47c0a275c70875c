package org.haochaping.client;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz target (Jazzer) for the platform's response bodies, unified and national: a body that the
 * client reads after its signature verified must give a result or a {@link MalformedResponseException}, nothing
 * else. Seeds: {@code src/test/resources/org/haochaping/client/PlatformResponseFuzzTestInputs}; commands:
 * {@code docs/security.md}, "Fuzzing".
 */
class PlatformResponseFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void platformResponse(byte[] body) {
        try {
            PlatformResponses.submission(PlatformResponses.requestId(body), PlatformResponses.data(body));
        } catch (MalformedResponseException documented) {
            // the one documented failure
        }
        try {
            PlatformResponses.submission(null, PlatformResponses.nationalData(body));
        } catch (MalformedResponseException documented) {
            // the one documented failure
        }
    }
}
