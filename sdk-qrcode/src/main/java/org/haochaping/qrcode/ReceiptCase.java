package org.haochaping.qrcode;

import java.util.Objects;
import java.util.Optional;

/**
 * What a receipt's dynamic code refers to: the case (办件) and its service item (事项), and optionally
 * the window and the staff member who served it, so the evaluator's phone can show the case and let them
 * rate both the item and the staff (Art. 6, Art. 10(二)). Never personal data of the applicant. Immutable.
 */
public final class ReceiptCase {

    private final String caseNumber;
    private final String itemCode;
    private final String windowCode;
    private final String staffNumber;

    private ReceiptCase(String caseNumber, String itemCode, String windowCode, String staffNumber) {
        this.caseNumber = CodeField.CASE_NUMBER.require(caseNumber);
        this.itemCode = CodeField.ITEM_CODE.require(itemCode);
        this.windowCode = windowCode == null ? null : CodeField.WINDOW_CODE.require(windowCode);
        this.staffNumber = staffNumber == null ? null : CodeField.STAFF_NUMBER.require(staffNumber);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Values read from a code: failures are reported as malformed content, not as caller errors. */
    static ReceiptCase parsed(String caseNumber, String itemCode, String windowCode, String staffNumber) {
        CodeField.CASE_NUMBER.requireParsed(caseNumber);
        CodeField.ITEM_CODE.requireParsed(itemCode);
        if (windowCode != null) {
            CodeField.WINDOW_CODE.requireParsed(windowCode);
        }
        if (staffNumber != null) {
            CodeField.STAFF_NUMBER.requireParsed(staffNumber);
        }
        return new ReceiptCase(caseNumber, itemCode, windowCode, staffNumber);
    }

    /** The case number (办件编号) in the issuing system. */
    public String caseNumber() {
        return caseNumber;
    }

    /** The service item's code (事项编码). */
    public String itemCode() {
        return itemCode;
    }

    /** The window that served the case, if given. */
    public Optional<String> windowCode() {
        return Optional.ofNullable(windowCode);
    }

    /** The staff number (工号) of the person who served the case, if given. */
    public Optional<String> staffNumber() {
        return Optional.ofNullable(staffNumber);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ReceiptCase)) {
            return false;
        }
        ReceiptCase other = (ReceiptCase) o;
        return caseNumber.equals(other.caseNumber) && itemCode.equals(other.itemCode)
                && Objects.equals(windowCode, other.windowCode) && Objects.equals(staffNumber, other.staffNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseNumber, itemCode, windowCode, staffNumber);
    }

    @Override
    public String toString() {
        return "ReceiptCase{case=" + caseNumber + ", item=" + itemCode
                + (windowCode == null ? "" : ", window=" + windowCode)
                + (staffNumber == null ? "" : ", staff=" + staffNumber) + "}";
    }

    public static final class Builder {
        private String caseNumber;
        private String itemCode;
        private String windowCode;
        private String staffNumber;

        private Builder() {
        }

        /** Required: 1 to 50 characters of text. */
        public Builder caseNumber(String caseNumber) {
            this.caseNumber = caseNumber;
            return this;
        }

        /** Required: 1 to 60 characters of text. */
        public Builder itemCode(String itemCode) {
            this.itemCode = itemCode;
            return this;
        }

        /** Optional: 1 to 16 of {@code A-Z a-z 0-9 . _ -}, as in the window's static code. */
        public Builder windowCode(String windowCode) {
            this.windowCode = windowCode;
            return this;
        }

        /** Optional: 1 to 32 characters of text. */
        public Builder staffNumber(String staffNumber) {
            this.staffNumber = staffNumber;
            return this;
        }

        /** @throws InvalidFieldException naming the first field that is missing or not allowed */
        public ReceiptCase build() {
            return new ReceiptCase(caseNumber, itemCode, windowCode, staffNumber);
        }
    }
}
