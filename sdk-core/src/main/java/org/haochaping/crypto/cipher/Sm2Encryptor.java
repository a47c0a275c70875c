package org.haochaping.crypto.cipher;

import java.security.SecureRandom;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * SM2 public-key encryption (GB/T 32918.4) under a recipient's public key, e.g. the platform key of the
 * national envelope. Thread-safe; each call uses a fresh engine and a fresh ephemeral key.
 */
public final class Sm2Encryptor {

    private final PublicKeyMaterial recipient;
    private final Sm2CiphertextLayout layout;
    private final SecureRandom random;

    private Sm2Encryptor(PublicKeyMaterial recipient, Sm2CiphertextLayout layout, SecureRandom random) {
        if (recipient == null || recipient.algorithm() != KeyAlgorithm.SM2) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "SM2 encryption needs an SM2 public key" + (recipient == null ? "" : ", got " + recipient.algorithm()));
        }
        if (layout == null || random == null) {
            throw new IllegalArgumentException("layout and random are required");
        }
        this.recipient = recipient;
        this.layout = layout;
        this.random = random;
    }

    public static Sm2Encryptor of(PublicKeyMaterial recipient, Sm2CiphertextLayout layout) {
        return new Sm2Encryptor(recipient, layout, new SecureRandom());
    }

    /** With a caller-chosen random source (for platforms that mandate one, and for the standard's test vectors). */
    public static Sm2Encryptor of(PublicKeyMaterial recipient, Sm2CiphertextLayout layout, SecureRandom random) {
        return new Sm2Encryptor(recipient, layout, random);
    }

    public Sm2CiphertextLayout layout() {
        return layout;
    }

    /** Encrypts {@code plaintext} (at least one byte). */
    public byte[] encrypt(byte[] plaintext) {
        if (plaintext == null || plaintext.length == 0) {
            throw new IllegalArgumentException("SM2 plaintext must be at least one byte");
        }
        SM2Engine engine = new SM2Engine(new SM3Digest(),
                layout == Sm2CiphertextLayout.C1C2C3 ? SM2Engine.Mode.C1C2C3 : SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(BouncyCastleKeys.parameters(recipient), random));
        byte[] c1c3c2;
        try {
            c1c3c2 = engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "SM2 encryption failed", e);
        }
        return layout == Sm2CiphertextLayout.ASN1 ? Sm2Asn1.fromC1C3C2(c1c3c2) : c1c3c2;
    }

    @Override
    public String toString() {
        return "Sm2Encryptor[" + layout + ", recipient " + recipient + "]";
    }
}
