package org.haochaping.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.qrcode.ExpiredCodeException;
import org.haochaping.qrcode.InvalidCodeException;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeIssuer;
import org.haochaping.qrcode.ReceiptCodeVerifier;
import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.PngRenderer;
import org.haochaping.qrcode.render.QrEncoder;

/**
 * User story 5: a dynamic QR code (动态二维码, Art. 10(二)) on the receipt (回执单) of one case. The department's
 * system signs it with its SM2 key, so nobody can forge a code for a case that never happened, and it expires
 * after the evaluation period. The platform's evaluation page verifies it with the department's public key.
 */
public final class ReceiptCodes {

    public static void main(String[] args) throws Exception {
        // Department side. In production the key comes from your key store (PemKeys); here a fresh one.
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        Sm2Signer signer = Sm2Signer.builder(key).build(); // key id: the key's default fingerprint id
        ReceiptCodeIssuer issuer = ReceiptCodeIssuer.builder(signer).validity(Duration.ofDays(15)).build();

        ReceiptCode code = issuer.issue(ReceiptCase.builder().caseNumber("TJ2026112600101")
                .itemCode("11120000000123456100012011700001").windowCode("A12").staffNumber("S1024").build());
        Path png = LocalPlatform.outputFolder().resolve("receipt-TJ2026112600101.png");
        // 25 mm wide at 203 dpi: a thermal receipt printer.
        Files.write(png, PngRenderer.builder().size(ImageSize.millimetres(25, 203)).build()
                .render(QrEncoder.builder().build().encode(code.text())));
        System.out.println("issued: " + code.text().length() + " characters, expires " + code.expiresAt()
                + ", printed to " + png);

        // Platform side: it knows each department's public key by key id (registered once).
        Sm2Verifier departmentKeys = Sm2Verifier.builder().key(signer.keyId(), key.publicKey()).build();
        ReceiptCodeVerifier verifier = ReceiptCodeVerifier.builder(departmentKeys).build();
        ReceiptCode scanned = verifier.verify(code.text());
        System.out.println("verified: case " + scanned.receiptCase().caseNumber() + ", window "
                + scanned.receiptCase().windowCode().orElse("-") + ", signed by key " + scanned.keyId());

        // A code altered by hand (one digit of the signed payload changed) is refused.
        String text = code.text();
        int last = text.length() - 1;
        String altered = text.substring(0, last) + (text.charAt(last) == '0' ? '1' : '0');
        try {
            verifier.verify(altered);
        } catch (InvalidCodeException e) {
            System.out.println("altered code refused: " + e.getMessage());
        }

        // Scanned 16 days later, after the evaluation period: expired.
        ReceiptCodeVerifier later = ReceiptCodeVerifier.builder(departmentKeys)
                .clock(Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofDays(16))).build();
        try {
            later.verify(code.text());
        } catch (ExpiredCodeException e) {
            System.out.println("expired code refused: " + e.getMessage());
        }
    }
}
