package org.haochaping.crypto;

/**
 * Verifies signatures made by one or more keys. Implementations are thread-safe.
 */
public interface Verifier {

    /** The signature algorithm this verifier checks, e.g. {@code SM2-SM3}. */
    String algorithm();

    /**
     * Checks a signature made by the key named {@code keyId}.
     *
     * @return {@code true} when the signature is valid for the message under that key; {@code false}
     *     when it is not, including when the encoding is malformed or the key is unknown
     */
    boolean verify(String keyId, byte[] message, byte[] signature);

    /**
     * Like {@link #verify} but says why a signature is refused. The SDK's verifiers override this to
     * tell an unknown key id ({@link CryptoException.Reason#UNKNOWN_KEY}) and a malformed encoding
     * ({@link CryptoException.Reason#MALFORMED}) from a signature that simply does not match
     * ({@link CryptoException.Reason#SIGNATURE_INVALID}).
     *
     * @throws CryptoException when the signature is not valid for the message under that key
     */
    default void verifyOrThrow(String keyId, byte[] message, byte[] signature) {
        if (!verify(keyId, message, signature)) {
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID,
                    algorithm() + " signature does not verify under key id '" + keyId + "'");
        }
    }
}
