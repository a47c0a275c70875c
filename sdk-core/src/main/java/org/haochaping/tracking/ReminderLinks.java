package org.haochaping.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.crypto.sign.HmacSigner;
import org.haochaping.crypto.sign.SignatureAlgorithm;

/**
 * Issues and verifies the short evaluation links of reminder SMS (Art. 16): short enough for one 70-character
 * segment, unlike a receipt QR payload, yet signed and expiring.
 *
 * <p>The token is 13 bytes in URL-safe Base64 without padding (18 characters): the case's link number (5 bytes,
 * big-endian), the last valid day (2 bytes, days since 2020-01-01, Asia/Shanghai) and the first 6 bytes of
 * HMAC-SM3 over a domain tag and those 7 bytes. 48 bits of MAC are enough for a link that expires within days and is
 * checked online, where guesses can be counted; the link grants nothing but the evaluation page of one case, whose
 * submission is itself authenticated. The secret stays with the department system (or the platform that serves the
 * page); older secrets may be kept for verification while keys rotate.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReminderLinks {

    /** How many characters a token has. */
    public static final int TOKEN_LENGTH = 18;

    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    private static final long MAX_LINK_ID = (1L << 40) - 1;
    private static final int BODY = 7;
    private static final int MAC = 6;
    private static final byte[] DOMAIN = "hcp-remind-v1".getBytes(StandardCharsets.US_ASCII);

    private final String baseUrl;
    private final HmacSigner current;
    private final List<HmacSigner> verifying;
    private final Clock clock;

    private ReminderLinks(Builder b) {
        if (b.baseUrl == null || b.baseUrl.isEmpty()) {
            throw new IllegalArgumentException("baseUrl is required (the evaluation page that takes the token)");
        }
        if (b.keys.isEmpty()) {
            throw new IllegalArgumentException("a secret is required (at least 16 bytes)");
        }
        this.baseUrl = b.baseUrl;
        this.current = b.keys.get(0);
        this.verifying = Collections.unmodifiableList(new ArrayList<>(b.keys));
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A link to the tracked case, valid until the end of its evaluation window's last day. */
    public ReminderLink issue(TrackedCase c, LocalDate lastDay) {
        long id = c.linkId();
        if (id <= 0 || id > MAX_LINK_ID) {
            throw new IllegalArgumentException("case " + c.caseNo() + " has no link number in 1.." + MAX_LINK_ID
                    + " (register it with a tracker store first)");
        }
        long day = ChronoUnit.DAYS.between(EPOCH, lastDay);
        if (day < 0 || day > 0xFFFF) {
            throw new IllegalArgumentException("last day " + lastDay + " is outside 2020-01-01..2199-06-06");
        }
        byte[] token = new byte[BODY + MAC];
        for (int i = 0; i < 5; i++) {
            token[i] = (byte) (id >>> (8 * (4 - i)));
        }
        token[5] = (byte) (day >>> 8);
        token[6] = (byte) day;
        System.arraycopy(mac(current, token), 0, token, BODY, MAC);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        return new ReminderLink(id, lastDay, text, baseUrl + text);
    }

    /**
     * Checks a token (or a whole link ending in one) and returns what it names.
     *
     * @throws ReminderLinkException malformed, not signed by a known secret, or expired at the clock's today
     */
    public ReminderLink verify(String tokenOrUrl) {
        if (tokenOrUrl == null || tokenOrUrl.length() < TOKEN_LENGTH) {
            throw new ReminderLinkException(ReminderLinkException.Reason.MALFORMED,
                    "a reminder link token has " + TOKEN_LENGTH + " characters");
        }
        String text = tokenOrUrl.substring(tokenOrUrl.length() - TOKEN_LENGTH);
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            token = null;
        }
        if (token == null || token.length != BODY + MAC
                || !text.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(token))) {
            throw new ReminderLinkException(ReminderLinkException.Reason.MALFORMED,
                    "a reminder link token is URL-safe Base64 of 13 bytes");
        }
        byte[] given = Arrays.copyOfRange(token, BODY, BODY + MAC);
        boolean signed = false;
        for (HmacSigner key : verifying) {
            signed |= MessageDigest.isEqual(Arrays.copyOf(mac(key, token), MAC), given);
        }
        if (!signed) {
            throw new ReminderLinkException(ReminderLinkException.Reason.BAD_SIGNATURE,
                    "the reminder link's signature does not verify");
        }
        long id = 0;
        for (int i = 0; i < 5; i++) {
            id = (id << 8) | (token[i] & 0xFF);
        }
        LocalDate lastDay = EPOCH.plusDays(((token[5] & 0xFF) << 8) | (token[6] & 0xFF));
        LocalDate today = ShanghaiTime.dateOf(OffsetDateTime.now(clock));
        if (today.isAfter(lastDay)) {
            throw new ReminderLinkException(ReminderLinkException.Reason.EXPIRED,
                    "the reminder link expired at the end of " + lastDay + " (Art. 16: 5 working days after completion)");
        }
        return new ReminderLink(id, lastDay, text, baseUrl + text);
    }

    private static byte[] mac(HmacSigner key, byte[] token) {
        byte[] message = new byte[DOMAIN.length + BODY];
        System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
        System.arraycopy(token, 0, message, DOMAIN.length, BODY);
        return key.sign(message);
    }

    @Override
    public String toString() {
        return "ReminderLinks[" + baseUrl + ", " + verifying.size() + " key(s)]";
    }

    public static final class Builder {
        private String baseUrl;
        private final List<HmacSigner> keys = new ArrayList<>();
        private Clock clock;

        private Builder() {
        }

        /** The evaluation page that takes the token, e.g. {@code https://tj.gov.cn/e/}; the token is appended. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The secret that signs new links (at least 16 bytes); the first one given signs, later ones only verify. */
        public Builder secret(byte[] secret) {
            keys.add(HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "reminder-link-" + keys.size(), secret));
            return this;
        }

        /** Defaults to the system clock; decides expiry. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ReminderLinks build() {
            return new ReminderLinks(this);
        }
    }
}
