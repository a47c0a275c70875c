package org.haochaping.conformance.kit;

import java.util.List;
import java.util.Objects;

import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.ObservedRequest;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.model.Evaluation;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TCK for a client of the central platform (docs/interface-spec.md): implement {@link #submit} in a JUnit 5 test
 * class and the default tests start a {@link SimulatedPlatform}, register an app and check what the client makes of
 * it: a valid evaluation is accepted; after a 503 or a lost response the client retries under the same
 * {@code Idempotency-Key} and the evaluation is counted once (Art. 12's one case, one evaluation); a response signed
 * by a key other than the platform's is not reported as accepted.
 */
public interface ClientBehaviourContract {

    /** What the client reports for one submitted evaluation. */
    record Outcome(boolean accepted, String evaluationNo, String error) {

        /** The platform accepted the evaluation under {@code evaluationNo}. */
        public static Outcome acceptedAs(String evaluationNo) {
            return new Outcome(true, Objects.requireNonNull(evaluationNo, "evaluationNo"), null);
        }

        /** The evaluation was not accepted, or the client could not tell; {@code error} says why. */
        public static Outcome notAccepted(String error) {
            return new Outcome(false, null, Objects.requireNonNull(error, "error"));
        }
    }

    /**
     * Submits one evaluation to the platform at {@code baseUrl} as app {@code appId}, signing requests with the SM2
     * key in {@code appPrivateKeyPem} (PKCS#8 PEM) and trusting only responses signed by the key in
     * {@code platformPublicKeyPem} (SubjectPublicKeyInfo PEM). Retries as the client would in production.
     *
     * @param evaluationJsonUnified one evaluation in the unified wire profile (a JSON object)
     * @return what the client concluded; an exception counts as not accepted
     */
    Outcome submit(String baseUrl, String appId, String appPrivateKeyPem, String platformPublicKeyPem,
            String evaluationJsonUnified) throws Exception;

    private static String sample(int index) {
        Evaluation evaluation = SamplePayloads.all().get(index).evaluation();
        return PayloadCodec.of(WireProfile.unified()).write(evaluation);
    }

    private Outcome submitted(SimulatedPlatform platform, String platformPublicKeyPem, String evaluationJson) {
        AppCredentials app = platform.newApp("tck-client-01");
        try {
            Outcome outcome = submit(platform.baseUrl(), app.appId(), app.privateKey().exportPkcs8Pem(),
                    platformPublicKeyPem, evaluationJson);
            assertNotNull(outcome, "submit returned null");
            return outcome;
        } catch (Exception e) {
            return Outcome.notAccepted("submit threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Outcome submitted(SimulatedPlatform platform, String evaluationJson) {
        return submitted(platform, platform.platformPublicKey().toPem(), evaluationJson);
    }

    private static void assertAccepted(Outcome outcome) {
        assertTrue(outcome.accepted(), "a valid evaluation was not accepted: " + outcome.error());
        assertNotNull(outcome.evaluationNo(), "accepted without the platform's evaluation number");
    }

    /** The submissions the platform saw, each with the idempotency key it carried. */
    private static List<ObservedRequest> writes(SimulatedPlatform platform) {
        return platform.observations().requests().stream().filter(r -> "POST".equals(r.method())).toList();
    }

    @Test
    default void aValidEvaluationIsAccepted() {
        try (SimulatedPlatform platform = SimulatedPlatform.start()) {
            Outcome outcome = submitted(platform, sample(0));
            assertAccepted(outcome);
            assertEquals(1, platform.observations().countedEvaluations(), "evaluations counted by the platform");
            assertEquals(outcome.evaluationNo(), platform.observations().acceptedEvaluations().get(0).evaluationNo(),
                    "evaluation number reported");
        }
    }

    @Test
    default void aRetryAfterA503IsCountedOnceUnderOneIdempotencyKey() {
        try (SimulatedPlatform platform = SimulatedPlatform.start()) {
            platform.faults().failNext(1, 503);
            assertAccepted(submitted(platform, sample(1)));
            assertEquals(1, platform.observations().countedEvaluations(), "evaluations counted after a 503 and a retry");
            assertSameIdempotencyKey(writes(platform));
        }
    }

    @Test
    default void aRetryAfterALostResponseIsCountedOnce() {
        try (SimulatedPlatform platform = SimulatedPlatform.start()) {
            platform.faults().loseResponseNext(1);
            assertAccepted(submitted(platform, sample(2)));
            assertEquals(1, platform.observations().countedEvaluations(),
                    "evaluations counted after a lost response and a retry");
            assertSameIdempotencyKey(writes(platform));
        }
    }

    @Test
    default void aResponseSignedByAnotherKeyIsNotAccepted() {
        try (SimulatedPlatform platform = SimulatedPlatform.start()) {
            String stranger = PrivateKeyMaterial.generateSm2().publicKey().toPem();
            Outcome outcome = submitted(platform, stranger, sample(3));
            assertFalse(outcome.accepted(), "a response signed by another key was reported as accepted as "
                    + outcome.evaluationNo());
        }
    }

    private static void assertSameIdempotencyKey(List<ObservedRequest> writes) {
        if (writes.size() < 2) {
            fail("the client did not retry: " + writes);
        }
        String key = writes.get(0).idempotencyKey();
        assertNotNull(key, "the submission carried no Idempotency-Key");
        java.util.Set<String> nonces = new java.util.HashSet<>();
        for (ObservedRequest r : writes) {
            assertEquals(key, r.idempotencyKey(), "the retry changed the Idempotency-Key: " + r);
            if (!nonces.add(String.valueOf(r.nonce()))) {
                fail("the retry reused the nonce of an earlier attempt (each attempt is signed anew): " + r);
            }
        }
    }
}
