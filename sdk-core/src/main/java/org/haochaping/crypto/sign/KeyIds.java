package org.haochaping.crypto.sign;

import java.util.regex.Pattern;

/** Key ids travel in headers and canonical strings, so they are kept to a safe alphabet. */
public final class KeyIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    private KeyIds() {
    }

    /** Whether {@code keyId} is 1 to 64 characters of {@code A-Z a-z 0-9 . _ : -}. */
    public static boolean isValid(String keyId) {
        return keyId != null && VALID.matcher(keyId).matches();
    }

    /** Returns {@code keyId} or throws {@code IllegalArgumentException} naming the rule. */
    public static String require(String keyId) {
        if (!isValid(keyId)) {
            throw new IllegalArgumentException("key id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        return keyId;
    }
}
