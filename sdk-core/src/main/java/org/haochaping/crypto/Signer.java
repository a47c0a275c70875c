package org.haochaping.crypto;

/**
 * Signs messages with one private key. Implementations are thread-safe and never reveal the key,
 * not even in {@code toString()}.
 */
public interface Signer {

    /** The signature algorithm, e.g. {@code SM2-SM3}; carried beside the signature on the wire. */
    String algorithm();

    /** Identifies the key, so that a verifier holding several keys can pick the right one (key rotation). */
    String keyId();

    /** Signs the message bytes and returns the encoded signature. */
    byte[] sign(byte[] message);
}
