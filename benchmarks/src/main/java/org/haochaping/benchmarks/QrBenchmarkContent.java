package org.haochaping.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.haochaping.interim.InterimSm2Keys;
import org.haochaping.interim.InterimSm2Signer;
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

    static String text(String kind, InterimSm2Signer signer) {
        switch (kind) {
            case "window":
                return WINDOW_TEXT;
            case "receipt":
                return org.haochaping.qrcode.ReceiptCodeIssuer.builder(signer).build().issue(RECEIPT_CASE).text();
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    static InterimSm2Signer signer() {
        ECPrivateKeyParameters key = signerKey();
        return new InterimSm2Signer(key, InterimSm2Keys.keyId(InterimSm2Keys.publicKeyOf(key)));
    }

    /** The benchmarks' SM2 key: a test key made with {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2}. */
    static ECPrivateKeyParameters signerKey() {
        try (InputStream in = QrBenchmarkContent.class.getResourceAsStream("/qr/benchmark-issuer.pem")) {
            Path file = Files.createTempFile("hcp-bench", ".pem");
            try {
                Files.write(file, in.readAllBytes());
                return InterimSm2Keys.readPrivateKey(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
