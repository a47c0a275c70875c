package org.haochaping.crypto.request;

/** The HTTP header names of the unified signing profile (case-insensitive on the wire). */
public final class SignatureHeaders {

    public static final String APP_ID = "X-Hcp-App-Id";
    public static final String KEY_ID = "X-Hcp-Key-Id";
    public static final String ALGORITHM = "X-Hcp-Algorithm";
    /** Unix time in seconds, decimal. */
    public static final String TIMESTAMP = "X-Hcp-Timestamp";
    /** 16 to 64 characters of {@code A-Z a-z 0-9 _ -}, unique per message. */
    public static final String NONCE = "X-Hcp-Nonce";
    /** The signature in standard Base64 with padding. */
    public static final String SIGNATURE = "X-Hcp-Signature";

    private SignatureHeaders() {
    }
}
