package org.haochaping.conformance.kit;

import java.time.Instant;

import org.haochaping.qrcode.InvalidCodeException;

/**
 * What a receipt-code verifier under test made of a scanned code: the decoded case (case number, item code,
 * window and staff number when present, expiry), or the reason it refused the code.
 *
 * @param refusal {@code null} when accepted; otherwise the reason, as {@link InvalidCodeException.Reason} names it
 */
public record ReceiptVerdict(String caseNumber, String itemCode, String windowCode, String staffNumber,
        Instant expiresAt, InvalidCodeException.Reason refusal) {

    /** An accepted code; {@code windowCode} and {@code staffNumber} are {@code null} when the code has none. */
    public static ReceiptVerdict accepted(String caseNumber, String itemCode, String windowCode, String staffNumber,
            Instant expiresAt) {
        if (caseNumber == null || itemCode == null || expiresAt == null) {
            throw new IllegalArgumentException("an accepted code has a case number, an item code and an expiry");
        }
        return new ReceiptVerdict(caseNumber, itemCode, windowCode, staffNumber, expiresAt, null);
    }

    /** A refused code. */
    public static ReceiptVerdict refused(InvalidCodeException.Reason reason) {
        if (reason == null) {
            throw new IllegalArgumentException("a refusal has a reason");
        }
        return new ReceiptVerdict(null, null, null, null, null, reason);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
