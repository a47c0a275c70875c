package org.haochaping.qrcode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.crypto.Signer;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;

/**
 * Issues signed, expiring receipt codes (动态二维码) for the issuing system's receipts (回执单,
 * Art. 10(二)). Immutable and thread-safe if its {@link Signer} is; build one and share it.
 *
 * <p>Size: a code is {@code <page URL>?r=<digits>}, the digits being the binary payload 7 bytes to 17
 * digits. Under {@link EvaluationPage#DEFAULT} it fits QR version 10 at error correction M whenever the
 * key id, case number, item code, window code and staff number together take at most
 * {@value #VERSION_10_TEXT_BUDGET} bytes of UTF-8 and the signature at most 72 bytes (an SM2 signature in
 * DER). Longer values still encode, in a larger version.
 *
 * <pre>{@code
 * ReceiptCodeIssuer issuer = ReceiptCodeIssuer.builder(signer).build();
 * ReceiptCode code = issuer.issue(ReceiptCase.builder()
 *         .caseNumber("TJ2025110100001234").itemCode("11120000000000000X3000117001").windowCode("A12").build());
 * QrMatrix matrix = QrEncoder.builder().build().encode(code.text());
 * }</pre>
 */
public final class ReceiptCodeIssuer {


    /** UTF-8 bytes of key id + case number + item code + window code + staff number that keep version 10-M. */
    public static final int VERSION_10_TEXT_BUDGET = 82;

    private static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    private static final Duration MAX_VALIDITY = Duration.ofDays(366);
    private static final long MAX_SECONDS = 0xFFFF_FFFFL;

    private final Signer signer;
    private final String keyId;
    private final String algorithm;
    private final EvaluationPage page;
    /** A fixed validity, or null: until the end of the 5th working day after the issue day (Art. 16). */
    private final Duration validity;
    private final DeadlineCalculator unevaluatedWindow;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private ReceiptCodeIssuer(Builder builder) {
        this.signer = builder.signer;
        this.keyId = CodeField.KEY_ID.require(signer.keyId());
        this.algorithm = checkAlgorithm(signer.algorithm());
        this.page = builder.page;
        this.validity = builder.validity;
        this.unevaluatedWindow = new DeadlineCalculator(builder.calendar);
        this.clock = builder.clock;
    }

    /** @param signer signs each code; its key id goes into the code so verifiers can pick the key */
    public static Builder builder(Signer signer) {
        if (signer == null) {
            throw new IllegalArgumentException("signer must not be null");
        }
        return new Builder(signer);
    }

    /**
     * Issues a code for the case, valid from now: by default until the end (23:59:59 Asia/Shanghai) of the
     * 5th working day after today, when Art. 16 closes the evaluation window (issue the code when the case
     * is finished); for a fixed {@link Builder#validity(Duration)} when one was set.
     *
     * @throws org.haochaping.calendar.DateNotCoveredException when the calendar refuses the days (STRICT policy)
     */
    public ReceiptCode issue(ReceiptCase receiptCase) {
        if (receiptCase == null) {
            throw new IllegalArgumentException("receiptCase must not be null");
        }
        long issued = clock.instant().getEpochSecond();
        long expires = validity != null ? issued + validity.getSeconds()
                : unevaluatedWindow.calculate(DeadlineRule.UNEVALUATED, Instant.ofEpochSecond(issued).atOffset(ZoneOffset.UTC))
                        .dueAt().toEpochSecond();
        if (issued < 0 || expires > MAX_SECONDS) {
            throw new IllegalStateException("clock time " + Instant.ofEpochSecond(issued)
                    + " is outside the code's time range (1970 to 2106)");
        }
        byte[] nonce = new byte[ReceiptPayload.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] body = ReceiptPayload.encodeBody(receiptCase, issued, expires, nonce, keyId);
        byte[] signature = signer.sign(ReceiptPayload.signedBytes(algorithm, body));
        if (signature == null || signature.length < 1 || signature.length > 255) {
            throw new IllegalStateException("signer '" + keyId + "' returned a signature of "
                    + (signature == null ? "null" : signature.length + " bytes") + "; a receipt code holds 1 to 255");
        }
        byte[] payload = ReceiptPayload.payload(body, signature);
        String text = page.link("r=" + DecimalBlocks.encode(payload));
        return new ReceiptCode(ReceiptPayload.decode(payload), text);
    }

    static String checkAlgorithm(String algorithm) {
        if (algorithm == null || !algorithm.matches("[\\x21-\\x7E]{1,64}")) {
            throw new IllegalArgumentException("signature algorithm name must be 1 to 64 printable ASCII characters");
        }
        return algorithm;
    }

    public static final class Builder {
        private final Signer signer;
        private EvaluationPage page = EvaluationPage.DEFAULT;
        private Duration validity;
        private WorkingDayCalendar calendar = WorkingDayCalendar.official();
        private Clock clock = Clock.systemUTC();

        private Builder(Signer signer) {
            this.signer = signer;
        }

        /** The evaluation page the codes open; {@link EvaluationPage#DEFAULT} by default. */
        public Builder page(EvaluationPage page) {
            if (page == null) {
                throw new IllegalArgumentException("page must not be null");
            }
            this.page = page;
            return this;
        }

        /**
         * A fixed validity, 1 minute to 366 days in whole seconds. By default a code is valid until the end of
         * the 5th working day after its issue day (the 未评 window of Art. 16) on {@link #calendar}.
         */
        public Builder validity(Duration validity) {
            if (validity == null || validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0
                    || validity.getNano() != 0) {
                throw new InvalidFieldException("validity", "must be 1 minute to 366 days in whole seconds");
            }
            this.validity = validity;
            return this;
        }

        /**
         * The working-day calendar of the default validity; {@link WorkingDayCalendar#official()} by default
         * (provisional beyond the loaded arrangements: a code then may outlive the window by a day or two).
         */
        public Builder calendar(WorkingDayCalendar calendar) {
            if (calendar == null) {
                throw new IllegalArgumentException("calendar must not be null");
            }
            this.calendar = calendar;
            return this;
        }

        /** The clock for issue times; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /** @throws InvalidFieldException if the signer's key id is not 1 to 32 of {@code A-Z a-z 0-9 . _ -} */
        public ReceiptCodeIssuer build() {
            return new ReceiptCodeIssuer(this);
        }
    }
}
