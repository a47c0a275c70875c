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
}
