package org.haochaping.conformance.kit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.qrcode.InvalidCodeException;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeVerifier;

/** The SDK's {@link ReceiptCodeVerifier} passes the receipt-code contract. */
class SdkReceiptCodeVerifierContractTest implements ReceiptCodeVerifierContract {

    @Override
    public ReceiptVerdict verify(String text, String publicKeyPem, Instant now) {
        PublicKeyMaterial key = PemKeys.publicKey(publicKeyPem);
        ReceiptCodeVerifier verifier = ReceiptCodeVerifier.builder(Sm2Verifier.builder().key(key.defaultKeyId(), key).build())
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        try {
            ReceiptCode code = verifier.verify(text);
            ReceiptCase c = code.receiptCase();
            return ReceiptVerdict.accepted(c.caseNumber(), c.itemCode(), c.windowCode().orElse(null),
                    c.staffNumber().orElse(null), code.expiresAt());
        } catch (InvalidCodeException e) {
            return ReceiptVerdict.refused(e.reason());
        }
    }
}
