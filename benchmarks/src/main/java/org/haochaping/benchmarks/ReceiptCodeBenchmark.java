package org.haochaping.benchmarks;

import java.util.concurrent.TimeUnit;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeIssuer;
import org.haochaping.qrcode.ReceiptCodeVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Making a receipt code (payload, SM2 signature, text) and checking one, with the SDK's {@link Sm2Signer}
 * and {@link Sm2Verifier} (pooled Bouncy Castle engines, initialised once each). The SM2 operation alone,
 * beside raw Bouncy Castle, is {@link Sm2SignatureBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReceiptCodeBenchmark {

    private ReceiptCodeIssuer issuer;
    private ReceiptCodeVerifier verifier;
    private String issuedText;

    @Setup
    public void setUp() {
        Sm2Signer signer = QrBenchmarkContent.signer();
        issuer = ReceiptCodeIssuer.builder(signer).build();
        verifier = ReceiptCodeVerifier.builder(Sm2Verifier.builder().key(signer.keyId(), signer.publicKey()).build())
                .build();
        issuedText = issuer.issue(QrBenchmarkContent.RECEIPT_CASE).text();
    }

    @Benchmark
    public ReceiptCode issueSigned() {
        return issuer.issue(QrBenchmarkContent.RECEIPT_CASE);
    }

    @Benchmark
    public ReceiptCode verify() {
        return verifier.verify(issuedText);
    }
}
