package org.haochaping.conformance.crash;

import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.haochaping.outbox.Outbox;
import org.haochaping.transport.RetryPolicy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;

/**
 * A self-service terminal for {@link TerminalCrashTest}: evaluates numbered cases through the SDK client's outbox
 * against the simulated platform, printing each number before and after {@code submit} returns, until killed.
 *
 * <p>Arguments: base URL, app id, app private key PEM, platform public key PEM, outbox directory, first number,
 * last number, {@code stay} (wait to be killed after draining) or {@code exit}.
 */
public final class TerminalChild {

    private TerminalChild() {
    }

    /** The evaluation of case number {@code n}: the first sample, on its own case. */
    static Evaluation evaluation(int n) {
        Evaluation template = SamplePayloads.all().get(0).evaluation();
        return template.toBuilder().evaluationId("EV-CRASH-" + n)
                .caseRecord(template.caseRecord().toBuilder().caseNo("TJCRASH" + n).build()).build();
    }

    public static void main(String[] args) throws Exception {
        PrivateKeyMaterial appKey = PemKeys.privateKey(Paths.get(args[2]));
        PublicKeyMaterial platformKey = PemKeys.publicKey(Paths.get(args[3]));
        Path directory = Paths.get(args[4]);
        int first = Integer.parseInt(args[5]);
        int last = Integer.parseInt(args[6]);
        HcpClient client = HcpClient.builder().baseUrl(args[0]).appId(args[1])
                .signer(Sm2Signer.builder(appKey).keyId(appKey.publicKey().defaultKeyId()).build())
                .platformVerifier(Sm2Verifier.builder().key(platformKey.defaultKeyId(), platformKey).build())
                .retryPolicy(RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20)).build())
                .build();
        Outbox outbox = Outbox.builder(directory, client.outboxSink())
                .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(50)).open();
        System.out.println("OPEN " + outbox.pendingCount());
        System.out.flush();
        for (int n = first; n <= last; n++) {
            byte[] body = client.encodeEvaluations(Collections.singletonList(evaluation(n)));
            System.out.println("SUBMITTING " + n);
            System.out.flush();
            outbox.submit(HcpClient.KIND_EVALUATIONS, body);
            System.out.println("STORED " + n);
            System.out.flush();
        }
        boolean drained = outbox.awaitDrained(Duration.ofSeconds(40));
        System.out.println("DRAINED " + drained);
        System.out.flush();
        if (args[7].equals("stay")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        outbox.close();
        client.close();
    }
}
