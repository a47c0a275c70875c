package org.haochaping.client;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz target (Jazzer) for the platform's response bodies, unified and national: a body that the
 * client reads after its signature verified must give a result or a {@link MalformedResponseException}, nothing
 * else. Seeds: {@code src/test/resources/org/haochaping/client/PlatformResponseFuzzTestInputs}; commands:
 * {@code docs/security.md}, "Fuzzing".
 */
class PlatformResponseFuzzTest {

    /** The first byte says how many records the request sent (0 to 3), the rest is the body. */
    @FuzzTest(maxDuration = "10s")
    void platformResponse(byte[] input) {
        int sent = input.length == 0 ? 1 : (input[0] & 0x03);
        byte[] body = input.length == 0 ? input : java.util.Arrays.copyOfRange(input, 1, input.length);
        try {
            PlatformResponses.submission(PlatformResponses.requestId(body), PlatformResponses.data(body), sent);
        } catch (MalformedResponseException documented) {
            // the one documented failure
        }
        try {
            PlatformResponses.submission(null, PlatformResponses.nationalData(body), sent);
        } catch (MalformedResponseException documented) {
            // the one documented failure
        }
    }
}
