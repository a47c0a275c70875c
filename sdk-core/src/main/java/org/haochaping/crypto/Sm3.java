package org.haochaping.crypto;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.InternalApi;

/** SM3 (GB/T 32905) digests, the hash every other part of the crypto layer is built on. */
@InternalApi
public final class Sm3 {

    /** Digest length in bytes. */
    public static final int DIGEST_LENGTH = 32;

    private Sm3() {
    }

    /** The 32-byte SM3 digest of {@code data}. */
    public static byte[] digest(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** The SM3 digest of {@code data} as 64 lowercase hex characters. */
    public static String hex(byte[] data) {
        return Hex.toHexString(digest(data));
    }

    /** The SM3 digest of the UTF-8 bytes of {@code text} as 64 lowercase hex characters. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
