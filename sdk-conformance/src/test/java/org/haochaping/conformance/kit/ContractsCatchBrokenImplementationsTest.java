package org.haochaping.conformance.kit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contracts fail an implementation that does not conform, naming the case. */
class ContractsCatchBrokenImplementationsTest {

    private static List<String> failures(Stream<DynamicTest> tests) {
        List<String> out = new ArrayList<>();
        tests.forEach(t -> {
            try {
                t.getExecutable().execute();
            } catch (AssertionFailedError e) {
                out.add(e.getMessage());
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        });
        return out;
    }

    private static long invalidCases(String file) {
        return VectorFile.shipped(file).cases().stream().filter(c -> !c.expectsValid()).count();
    }

    @Test
    void aReceiverThatAcceptsEverythingFailsEveryInvalidPayload() {
        PayloadCodecContract acceptsAll = (profile, payload) -> PayloadVerdict.accepted();
        List<String> failed = failures(acceptsAll.unifiedPayloadVectors());
        assertThat(failed).hasSize((int) invalidCases("payload_validity_unified.json"));
        assertThat(failed).allMatch(m -> m.startsWith("payload_validity_unified.json#") && m.contains("was accepted"));
    }

    @Test
    void aReceiverReportingTheWrongArticleFails() {
        PayloadCodecContract wrongRule = (profile, payload) -> {
            PayloadVerdict sdk = PayloadJudge.sdk(org.haochaping.wire.WireProfile.named(profile)).judge(payload);
            return new PayloadVerdict(sdk.violations().stream()
                    .map(v -> new PayloadVerdict.Finding(v.path(), "Art. 99")).toList());
        };
        List<String> failed = failures(wrongRule.nationalPayloadVectors());
        assertThat(failed).hasSize((int) invalidCases("payload_validity_national.json"));
        assertThat(failed).allMatch(m -> m.contains("without the expected violation"));
    }

    @Test
    void aVerifierThatAcceptsEverySignatureFailsEveryInvalidOne() {
        SignatureVerifierContract acceptsAll = (publicKey, signerId, message, signature, encoding) -> true;
        assertThat(failures(acceptsAll.sm2SignatureVectors())).hasSize((int) invalidCases("sm2_sm3_verify_test.json"));
    }

    @Test
    void aVerifierThatThrowsFailsEveryValidSignature() {
        SignatureVerifierContract throwing = (publicKey, signerId, message, signature, encoding) -> {
            throw new IllegalStateException("no SM2 here");
        };
        List<String> failed = failures(throwing.sm2SignatureVectors());
        assertThat(failed).hasSize(VectorFile.shipped("sm2_sm3_verify_test.json").cases().size()
                - (int) invalidCases("sm2_sm3_verify_test.json"));
        assertThat(failed).allMatch(m -> m.contains("threw IllegalStateException: no SM2 here"));
    }

    @Test
    void aReceiptVerifierThatAcceptsEverythingFailsEveryRefusalCase() {
        ReceiptCodeVerifierContract acceptsAll = (text, publicKeyPem, now) ->
                ReceiptVerdict.accepted("TJ20251103000123", "11120000000000000X3000117001", "A12", "0231",
                        ReceiptCodeVerifierContract.ISSUED.plus(ReceiptCodeVerifierContract.VALIDITY));
        List<String> failed = new ArrayList<>();
        List<Runnable> refusals = List.of(acceptsAll::aTamperedCodeIsRefused, acceptsAll::anExpiredCodeIsRefusedAsExpired,
                acceptsAll::aCodeFromTheFutureIsRefusedAsNotYetValid, acceptsAll::malformedTextIsRefusedAsMalformed,
                acceptsAll::aCodeSignedByAnUnknownKeyIsRefusedAsBadSignature, acceptsAll::aValidCodeWithoutWindowOrStaffIsAccepted);
        for (Runnable r : refusals) {
            try {
                r.run();
            } catch (AssertionFailedError e) {
                failed.add(e.getMessage());
            }
        }
        assertThat(failed).hasSize(refusals.size());
        assertThat(failed.subList(0, 5)).allMatch(m -> m.startsWith("the code was accepted"));
        acceptsAll.aValidCodeIsAcceptedWithEveryField();
    }

    @Test
    void aReceiptVerifierThatNamesTheWrongReasonFails() {
        ReceiptCodeVerifierContract sdk = new SdkReceiptCodeVerifierContractTest();
        ReceiptCodeVerifierContract expiredForAll = (text, publicKeyPem, now) -> {
            ReceiptVerdict v = sdk.verify(text, publicKeyPem, now);
            return v.isAccepted() ? v : ReceiptVerdict.refused(org.haochaping.qrcode.InvalidCodeException.Reason.EXPIRED);
        };
        expiredForAll.anExpiredCodeIsRefusedAsExpired();
        for (Runnable r : List.<Runnable>of(expiredForAll::aCodeFromTheFutureIsRefusedAsNotYetValid,
                expiredForAll::malformedTextIsRefusedAsMalformed, expiredForAll::aCodeSignedByAnUnknownKeyIsRefusedAsBadSignature)) {
            try {
                r.run();
                throw new AssertionError("a wrong reason passed");
            } catch (AssertionFailedError e) {
                assertThat(e.getMessage()).startsWith("refused as EXPIRED, expected");
            }
        }
    }

    private static String failureOf(ThrowingRunnable test) {
        try {
            test.run();
        } catch (AssertionFailedError e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("a broken implementation passed");
    }

    /** A contract test method, as a method reference. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aSignerThatIgnoresTheSignerIdFailsTheCustomIdTest() throws Exception {
        SignerContract defaultIdOnly = (pem, signerId, message) ->
                org.haochaping.crypto.sign.Sm2Signer.builder(org.haochaping.crypto.keys.PemKeys.privateKey(pem))
                        .build().sign(message);
        assertThat(failureOf(defaultIdOnly::signaturesUnderACustomSignerIdVerify))
                .startsWith("the signature of the empty message under signer ID " + SignerContract.CUSTOM_SIGNER_ID
                        + " does not verify");
        defaultIdOnly.signaturesUnderTheDefaultSignerIdVerify();
        defaultIdOnly.twoSignaturesOfOneMessageDiffer();
    }

    @Test
    void aSignerWithAFixedKFailsTheRandomnessTest() throws Exception {
        SignerContract fixedK = (pem, signerId, message) ->
                org.haochaping.crypto.sign.Sm2Signer.builder(org.haochaping.crypto.keys.PemKeys.privateKey(pem))
                        .signerId(signerId).random(new FixedRandom()).build().sign(message);
        assertThat(failureOf(fixedK::twoSignaturesOfOneMessageDiffer))
                .startsWith("two signatures of one message are equal: k is not random");
        fixedK.signaturesUnderTheDefaultSignerIdVerify();
    }

    @Test
    void aSignerReturningAFixedSignatureFailsEveryTest() {
        byte[] fixed = org.haochaping.crypto.sign.Sm2Signer.builder(
                org.haochaping.crypto.keys.PrivateKeyMaterial.generateSm2()).build().sign(new byte[0]);
        SignerContract constant = (pem, signerId, message) -> fixed.clone();
        assertThat(failureOf(constant::signaturesUnderTheDefaultSignerIdVerify)).contains("does not verify");
        assertThat(failureOf(constant::signaturesUnderACustomSignerIdVerify)).contains("does not verify");
        assertThat(failureOf(constant::twoSignaturesOfOneMessageDiffer)).startsWith("two signatures of one message are equal");
    }

    /** Always the same bytes: every signature of one message under one key uses the same k. */
    private static final class FixedRandom extends java.security.SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0x5a);
        }
    }

    @Test
    void aClientThatDoesNotRetryFailsTheRetryTests() {
        ClientBehaviourContract noRetries = (baseUrl, appId, key, platformKey, json) -> SdkClientBehaviourContractTest
                .submitWith(SdkClientBehaviourContractTest.client(baseUrl, appId, key,
                        SdkClientBehaviourContractTest.platformVerifier(platformKey))
                        .retryPolicy(org.haochaping.transport.RetryPolicy.builder().maxRetries(0).build()).build(), json);
        assertThat(failureOf(noRetries::aRetryAfterA503IsCountedOnceUnderOneIdempotencyKey))
                .startsWith("a valid evaluation was not accepted: submit threw");
        assertThat(failureOf(noRetries::aRetryAfterALostResponseIsCountedOnce))
                .startsWith("a valid evaluation was not accepted: submit threw");
        noRetries.aValidEvaluationIsAccepted();
    }

    @Test
    void aClientThatTrustsAnyResponseFailsTheForeignSignatureTest() {
        org.haochaping.crypto.Verifier trustsAll = new org.haochaping.crypto.Verifier() {
            @Override
            public String algorithm() {
                return "SM2-SM3";
            }

            @Override
            public boolean verify(String keyId, byte[] message, byte[] signature) {
                return true;
            }
        };
        ClientBehaviourContract credulous = (baseUrl, appId, key, platformKey, json) -> SdkClientBehaviourContractTest
                .submitWith(SdkClientBehaviourContractTest.client(baseUrl, appId, key, trustsAll).build(), json);
        assertThat(failureOf(credulous::aResponseSignedByAnotherKeyIsNotAccepted))
                .startsWith("a response signed by another key was reported as accepted");
        credulous.aValidEvaluationIsAccepted();
    }
}
