package org.haochaping.conformance.kit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * TCK for an SM2-with-SM3 signature verifier: implement {@link #verify} in a JUnit 5 test class and the default
 * test factory runs every vector of {@code sm2_sm3_verify_test.json} against it (one test per tcId): the
 * GB/T 32918.5 example, OpenSSL 3 signatures with default and custom signer IDs, and signatures that must not
 * verify (changed message or signature, wrong ID, r/s out of range, non-canonical DER, wrong raw length).
 */
public interface SignatureVerifierContract extends Sm2Verification {

    @TestFactory
    default Stream<DynamicTest> sm2SignatureVectors() {
        return ContractTests.of("sm2_sm3_verify_test.json", c -> Sm2VectorCheck.check(c, this));
    }
}
