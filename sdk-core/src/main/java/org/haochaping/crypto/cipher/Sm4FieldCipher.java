package org.haochaping.crypto.cipher;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Base64;
import org.bouncycastle.util.encoders.DecoderException;
import org.haochaping.crypto.CryptoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts personal fields (certificate number, name, mobile: Art. 17) with SM4 for transit and storage.
 * Output layout, also the layout of the conformance vectors:
 * <ul>
 *   <li>GCM (default): {@code nonce(12) || ciphertext || tag(16)}; optional associated data (e.g. the
 *       field name) binds a ciphertext to its place;</li>
 *   <li>CBC: {@code iv(16) || ciphertext}, PKCS#7 padding;</li>
 *   <li>ECB (only through {@link #legacyEcb}): {@code ciphertext}, PKCS#7 padding.</li>
 * </ul>
 * Text helpers use UTF-8 and standard Base64. Thread-safe; the key is copied in and never leaves.
 */
public final class Sm4FieldCipher {

    private static final Logger LOG = LoggerFactory.getLogger(Sm4FieldCipher.class);

    /** SM4 key length in bytes. */
    public static final int KEY_BYTES = 16;
    static final int BLOCK = 16;
    static final int GCM_NONCE = 12;
    static final int GCM_TAG = 16;

    private final Sm4Mode mode;
    private final KeyParameter key;
    private final SecureRandom random;

    private Sm4FieldCipher(Sm4Mode mode, byte[] key, SecureRandom random) {
        if (key == null || key.length != KEY_BYTES) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "SM4 key must be " + KEY_BYTES + " bytes");
        }
        if (random == null) {
            throw new IllegalArgumentException("random is null");
        }
        this.mode = mode;
        this.key = new KeyParameter(Arrays.clone(key));
        this.random = random;
    }

    /** SM4-GCM, the default for personal fields. */
    public static Sm4FieldCipher gcm(byte[] key) {
        return new Sm4FieldCipher(Sm4Mode.GCM, key, new SecureRandom());
    }

    /** SM4-CBC / PKCS#7 with a random IV, for interoperability with platforms that use it. */
    public static Sm4FieldCipher cbc(byte[] key) {
        return new Sm4FieldCipher(Sm4Mode.CBC, key, new SecureRandom());
    }

    /**
     * SM4-ECB / PKCS#7, only for legacy platforms that still demand it: it hides neither repetition nor
     * length and has no integrity. Named so that its use stands out in code review.
     */
    public static Sm4FieldCipher legacyEcb(byte[] key) {
        LOG.warn("SM4-ECB selected for field encryption: legacy interoperability only (equal values give equal ciphertexts)");
        return new Sm4FieldCipher(Sm4Mode.ECB, key, new SecureRandom());
    }

    /** A fresh random SM4 key. */
    public static byte[] generateKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public Sm4Mode mode() {
        return mode;
    }

    public byte[] encrypt(byte[] plaintext) {
        return encrypt(plaintext, null);
    }

    /**
     * Encrypts with associated data that must be presented again to decrypt (GCM only; {@code null} for
     * none).
     */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        if (plaintext == null) {
            throw new IllegalArgumentException("plaintext is null");
        }
        requireNoAadUnlessGcm(associatedData);
        try {
            switch (mode) {
                case GCM: {
                    byte[] nonce = new byte[GCM_NONCE];
                    random.nextBytes(nonce);
                    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
                    gcm.init(true, new AEADParameters(key, GCM_TAG * 8, nonce, associatedData));
                    return Arrays.concatenate(nonce, run(gcm, plaintext));
                }
                case CBC: {
                    byte[] iv = new byte[BLOCK];
                    random.nextBytes(iv);
                    BufferedBlockCipher cbc = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()), new PKCS7Padding());
                    cbc.init(true, new ParametersWithIV(key, iv));
                    return Arrays.concatenate(iv, run(cbc, plaintext));
                }
                default: {
                    BufferedBlockCipher ecb = new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding());
                    ecb.init(true, key);
                    return run(ecb, plaintext);
                }
            }
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4 encryption cannot fail on valid input", e);
        }
    }

    public byte[] decrypt(byte[] ciphertext) {
        return decrypt(ciphertext, null);
    }

    /** Decrypts; for GCM the associated data must equal the one used to encrypt. */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        if (ciphertext == null) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "SM4 ciphertext is missing");
        }
        requireNoAadUnlessGcm(associatedData);
        try {
            switch (mode) {
                case GCM: {
                    if (ciphertext.length < GCM_NONCE + GCM_TAG) {
                        throw malformed("SM4-GCM ciphertext must be at least " + (GCM_NONCE + GCM_TAG) + " bytes (nonce 12, tag 16)");
                    }
                    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
                    gcm.init(false, new AEADParameters(key, GCM_TAG * 8, Arrays.copyOfRange(ciphertext, 0, GCM_NONCE), associatedData));
                    return run(gcm, Arrays.copyOfRange(ciphertext, GCM_NONCE, ciphertext.length));
                }
                case CBC: {
                    if (ciphertext.length < 2 * BLOCK || ciphertext.length % BLOCK != 0) {
                        throw malformed("SM4-CBC ciphertext must be the 16-byte IV and whole 16-byte blocks");
                    }
                    BufferedBlockCipher cbc = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()), new PKCS7Padding());
                    cbc.init(false, new ParametersWithIV(key, Arrays.copyOfRange(ciphertext, 0, BLOCK)));
                    return run(cbc, Arrays.copyOfRange(ciphertext, BLOCK, ciphertext.length));
                }
                default: {
                    if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
                        throw malformed("SM4-ECB ciphertext must be whole 16-byte blocks");
                    }
                    BufferedBlockCipher ecb = new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding());
                    ecb.init(false, key);
                    return run(ecb, ciphertext);
                }
            }
        } catch (InvalidCipherTextException | DataLengthException e) {
            throw new CryptoException(CryptoException.Reason.DECRYPTION_FAILED,
                    "SM4-" + mode + " ciphertext does not decrypt: wrong key, tampered data or bad padding");
        }
    }

    /** Encrypts UTF-8 text and returns standard Base64. */
    public String encryptToBase64(String plaintext) {
        if (plaintext == null) {
            throw new IllegalArgumentException("plaintext is null");
        }
        return Base64.toBase64String(encrypt(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /** Decrypts standard Base64 made by {@link #encryptToBase64} back to text. */
    public String decryptFromBase64(String ciphertext) {
        if (ciphertext == null) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "SM4 ciphertext is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.decode(ciphertext);
        } catch (DecoderException e) {
            throw malformed("SM4 ciphertext is not valid Base64");
        }
        return new String(decrypt(bytes), StandardCharsets.UTF_8);
    }

    private void requireNoAadUnlessGcm(byte[] associatedData) {
        if (associatedData != null && mode != Sm4Mode.GCM) {
            throw new IllegalArgumentException("associated data needs SM4-GCM; SM4-" + mode + " cannot authenticate it");
        }
    }

    private static byte[] run(GCMModeCipher cipher, byte[] input) throws InvalidCipherTextException {
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        n += cipher.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] run(BufferedBlockCipher cipher, byte[] input) throws InvalidCipherTextException {
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        n += cipher.doFinal(out, n);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static CryptoException malformed(String message) {
        return new CryptoException(CryptoException.Reason.MALFORMED, message);
    }

    @Override
    public String toString() {
        return "Sm4FieldCipher[" + mode + "]";
    }
}
