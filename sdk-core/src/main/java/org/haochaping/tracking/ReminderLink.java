package org.haochaping.tracking;

import java.time.LocalDate;

/**
 * A short evaluation link for a reminder SMS: a base address and a signed, expiring token that names a tracked case
 * by its {@link TrackedCase#linkId()}. Immutable; made and checked by {@link ReminderLinks}.
 */
public final class ReminderLink {

    private final long linkId;
    private final LocalDate expiresOn;
    private final String token;
    private final String url;

    ReminderLink(long linkId, LocalDate expiresOn, String token, String url) {
        this.linkId = linkId;
        this.expiresOn = expiresOn;
        this.token = token;
        this.url = url;
    }

    /** The tracked case's link number. */
    public long linkId() {
        return linkId;
    }

    /** The last day (Asia/Shanghai) the link is valid: the last day of the evaluation window (Art. 16). */
    public LocalDate expiresOn() {
        return expiresOn;
    }

    /** The token: 18 characters of URL-safe Base64. */
    public String token() {
        return token;
    }

    /** The link as sent: the base address followed by the token. */
    public String url() {
        return url;
    }

    @Override
    public String toString() {
        return url;
    }
}
