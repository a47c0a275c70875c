package org.haochaping.conformance.kit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * TCK for a receiver of evaluation payloads: implement {@link #judge} in a JUnit 5 test class and the default
 * test factories run every payload-validity vector of both wire profiles against it (one test per tcId). A
 * conforming receiver accepts every {@code valid} payload and refuses every {@code invalid} one with at least the
 * listed violations (path in the profile's field names, and article).
 *
 * <pre>{@code
 * class MyReceiverConformanceTest implements PayloadCodecContract {
 *     public PayloadVerdict judge(String profile, String payloadJson) { return myReceiver.check(profile, payloadJson); }
 * }
 * }</pre>
 */
public interface PayloadCodecContract {

    /**
     * The implementation's verdict on one evaluation payload.
     *
     * @param profile     {@code unified} or {@code national}
     * @param payloadJson one evaluation as JSON text, in that profile's field names
     * @return accepted, or the violations found; throwing counts as refusing the payload
     */
    PayloadVerdict judge(String profile, String payloadJson) throws Exception;

    @TestFactory
    default Stream<DynamicTest> unifiedPayloadVectors() {
        return ContractTests.of("payload_validity_unified.json",
                c -> PayloadVectorCheck.check(c, payload -> judge("unified", payload)));
    }

    @TestFactory
    default Stream<DynamicTest> nationalPayloadVectors() {
        return ContractTests.of("payload_validity_national.json",
                c -> PayloadVectorCheck.check(c, payload -> judge("national", payload)));
    }
}
