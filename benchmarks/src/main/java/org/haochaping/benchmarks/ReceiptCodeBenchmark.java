package org.haochaping.benchmarks;

import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.haochaping.interim.InterimSm2Keys;
import org.haochaping.interim.InterimSm2Signer;
import org.haochaping.interim.InterimSm2Verifier;
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
 * Making a receipt code (payload, SM2 signature, text) and checking one, with the interim SM2 signer and
 * verifier (Bouncy Castle's SM2Signer, initialised once per key).
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
        InterimSm2Signer signer = QrBenchmarkContent.signer();
        issuer = ReceiptCodeIssuer.builder(signer).build();
        verifier = ReceiptCodeVerifier.builder(new InterimSm2Verifier(Collections.singletonMap(signer.keyId(),
                InterimSm2Keys.publicKeyOf(QrBenchmarkContent.signerKey())))).build();
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
