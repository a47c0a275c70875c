package org.haochaping.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.qrcode.EvaluationPage;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.WindowCode;

/** The codes the QR benchmarks render: a window's static code and a receipt code of realistic size. */
final class QrBenchmarkContent {

    static final ReceiptCase RECEIPT_CASE = ReceiptCase.builder().caseNumber("TJ20251103000123")
            .itemCode("11120000000000000X3000117001").windowCode("A12").staffNumber("0231").build();

    static final String WINDOW_TEXT = WindowCode.builder().areaCode("120101").hallCode("HP-01").windowCode("A12")
            .build().toText(EvaluationPage.DEFAULT);

    private QrBenchmarkContent() {
    }

    static String text(String kind, Sm2Signer signer) {
        switch (kind) {
            case "window":
                return WINDOW_TEXT;
            case "receipt":
                return org.haochaping.qrcode.ReceiptCodeIssuer.builder(signer).build().issue(RECEIPT_CASE).text();
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** The SDK's SM2 signer with the benchmark key and its default key id, as {@code hcp qr dynamic} makes it. */
    static Sm2Signer signer() {
        return Sm2Signer.builder(signerKey()).build();
    }

    /** The benchmarks' SM2 key: a test key made with {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2}. */
    private static PrivateKeyMaterial signerKey() {
        try (InputStream in = QrBenchmarkContent.class.getResourceAsStream("/qr/benchmark-issuer.pem")) {
            return PemKeys.privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
