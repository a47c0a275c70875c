package org.haochaping.qrcode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.haochaping.crypto.Signer;

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

    /**
     * The default validity, 15 days. Art. 16 closes the evaluation 5 working days after the case is
     * finished; 15 calendar days cover those 5 working days even across the week-long national holidays.
     */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(15);

    /** UTF-8 bytes of key id + case number + item code + window code + staff number that keep version 10-M. */
    public static final int VERSION_10_TEXT_BUDGET = 82;

    private static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    private static final Duration MAX_VALIDITY = Duration.ofDays(366);
    private static final long MAX_SECONDS = 0xFFFF_FFFFL;

    private final Signer signer;
    private final String keyId;
    private final String algorithm;
    private final EvaluationPage page;
    private final Duration validity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private ReceiptCodeIssuer(Builder builder) {
        this.signer = builder.signer;
        this.keyId = CodeField.KEY_ID.require(signer.keyId());
        this.algorithm = checkAlgorithm(signer.algorithm());
        this.page = builder.page;
        this.validity = builder.validity;
        this.clock = builder.clock;
    }

    /** @param signer signs each code; its key id goes into the code so verifiers can pick the key */
    public static Builder builder(Signer signer) {
        if (signer == null) {
            throw new IllegalArgumentException("signer must not be null");
        }
        return new Builder(signer);
    }

    /** Issues a code for the case, valid from now for this issuer's validity. */
    public ReceiptCode issue(ReceiptCase receiptCase) {
        if (receiptCase == null) {
            throw new IllegalArgumentException("receiptCase must not be null");
        }
        long issued = clock.instant().getEpochSecond();
        long expires = issued + validity.getSeconds();
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
        private Duration validity = DEFAULT_VALIDITY;
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

        /** How long a code stays valid, 1 minute to 366 days in whole seconds; {@link #DEFAULT_VALIDITY} by default. */
        public Builder validity(Duration validity) {
            if (validity == null || validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0
                    || validity.getNano() != 0) {
                throw new InvalidFieldException("validity", "must be 1 minute to 366 days in whole seconds");
            }
            this.validity = validity;
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
