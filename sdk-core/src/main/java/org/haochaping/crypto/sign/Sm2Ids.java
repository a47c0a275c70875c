package org.haochaping.crypto.sign;

import org.bouncycastle.util.Arrays;

/** The signer ID rule of GB/T 32918.2 5.5: ENTL is two bytes of bit length, so at most 8191 bytes. */
final class Sm2Ids {

    static final int MAX_BYTES = 8191;

    private Sm2Ids() {
    }

    static byte[] require(byte[] id) {
        if (id == null) {
            throw new IllegalArgumentException("signer ID is null");
        }
        if (id.length > MAX_BYTES) {
            throw new IllegalArgumentException("signer ID is longer than " + MAX_BYTES + " bytes (GB/T 32918.2 ENTL limit)");
        }
        return Arrays.clone(id);
    }
}
