package org.haochaping.conformance.kit;

import java.time.Duration;
import java.util.List;

import org.haochaping.client.HcpClient;
import org.haochaping.client.RecordResult;
import org.haochaping.client.RecordStatus;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

/** The SDK's {@link HcpClient} passes the client-behaviour contract. */
class SdkClientBehaviourContractTest implements ClientBehaviourContract {

    /** The SDK client as an application would build it, with short backoffs so the tests run quickly. */
    static HcpClient.Builder client(String baseUrl, String appId, String appPrivateKeyPem, Verifier platformVerifier) {
        return HcpClient.builder().baseUrl(baseUrl).appId(appId)
                .signer(Sm2Signer.builder(PemKeys.privateKey(appPrivateKeyPem)).build())
                .platformVerifier(platformVerifier)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
                        .maxRetries(3).build());
    }

    static Verifier platformVerifier(String platformPublicKeyPem) {
        PublicKeyMaterial key = PemKeys.publicKey(platformPublicKeyPem);
        return Sm2Verifier.builder().key(key.defaultKeyId(), key).build();
    }

    static Outcome submitWith(HcpClient client, String evaluationJsonUnified) {
        try {
            RecordResult r = client.submitEvaluations(
                    List.of(PayloadCodec.of(WireProfile.unified()).readEvaluation(evaluationJsonUnified))).results().get(0);
            return r.status() == RecordStatus.ACCEPTED ? Outcome.acceptedAs(r.evaluationNo())
                    : Outcome.notAccepted(r.status() + " " + r.violations());
        } finally {
            client.close();
        }
    }

    @Override
    public Outcome submit(String baseUrl, String appId, String appPrivateKeyPem, String platformPublicKeyPem,
            String evaluationJsonUnified) {
        return submitWith(client(baseUrl, appId, appPrivateKeyPem, platformVerifier(platformPublicKeyPem)).build(),
                evaluationJsonUnified);
    }
}
