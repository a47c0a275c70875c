package org.haochaping.crypto.sign;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.Arrays;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * SM2 signatures with SM3 (GB/T 32918.2, GM/T 0009): the message is hashed behind the Z value of the
 * signer ID and public key, default ID {@code 1234567812345678}. Thread-safe: initialised Bouncy Castle
 * {@code SM2Signer} engines are pooled, one per concurrent caller, so the Z value and public point are
 * computed once per engine rather than per signature.
 */
public final class Sm2Signer implements Signer {

    /** The default signer ID of GM/T 0009: the ASCII string {@code 1234567812345678}. */
    public static final String DEFAULT_SIGNER_ID = "1234567812345678";

    private final PrivateKeyMaterial key;
    private final String keyId;
    private final byte[] signerId;
    private final SignatureEncoding encoding;
    private final Pool<SM2Signer> engines;

    private Sm2Signer(Builder builder) {
        this.key = builder.key;
        this.keyId = builder.keyId != null ? builder.keyId : key.publicKey().defaultKeyId();
        this.signerId = builder.signerId;
        this.encoding = builder.encoding;
        final SecureRandom sharedRandom = builder.random;
        this.engines = new Pool<SM2Signer>(new Pool.Factory<SM2Signer>() {
            @Override
            public SM2Signer create() {
                SM2Signer engine = new SM2Signer(DsaSignatureCheck.encodingOf(encoding), new SM3Digest());
                SecureRandom random = sharedRandom != null ? sharedRandom : new SecureRandom();
                engine.init(true, new ParametersWithID(new ParametersWithRandom(BouncyCastleKeys.parameters(key), random), signerId));
                return engine;
            }
        });
    }

    /** Starts a signer for an SM2 private key. */
    public static Builder builder(PrivateKeyMaterial key) {
        return new Builder(key);
    }

    @Override
    public String algorithm() {
        return SignatureAlgorithm.SM2_SM3.wireName();
    }

    @Override
    public String keyId() {
        return keyId;
    }

    /** The signer ID bytes hashed into Z (a copy). */
    public byte[] signerId() {
        return Arrays.clone(signerId);
    }

    public SignatureEncoding encoding() {
        return encoding;
    }

    /** The public key that verifies this signer's signatures. */
    public PublicKeyMaterial publicKey() {
        return key.publicKey();
    }

    @Override
    public byte[] sign(byte[] message) {
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
        SM2Signer engine = engines.take();
        byte[] signature;
        try {
            engine.update(message, 0, message.length);
            signature = engine.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "SM2 signing failed", e);
        }
        engines.give(engine);
        return signature;
    }

    @Override
    public String toString() {
        return "Sm2Signer[keyId " + keyId + ", " + encoding + ", " + key + "]";
    }

    /** Options of an {@link Sm2Signer}. */
    public static final class Builder {
        private final PrivateKeyMaterial key;
        private String keyId;
        private byte[] signerId = DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII);
        private SignatureEncoding encoding = SignatureEncoding.DER;
        private SecureRandom random;

        private Builder(PrivateKeyMaterial key) {
            if (key == null) {
                throw new IllegalArgumentException("key is null");
            }
            if (key.algorithm() != KeyAlgorithm.SM2) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                        "SM2 signer needs an SM2 key, got " + key.algorithm());
            }
            this.key = key;
        }

        /** The key id sent with each signature; defaults to the public key's {@code defaultKeyId()}. */
        public Builder keyId(String keyId) {
            this.keyId = KeyIds.require(keyId);
            return this;
        }

        /** The signer ID as UTF-8 text; default {@value Sm2Signer#DEFAULT_SIGNER_ID}. */
        public Builder signerId(String signerId) {
            if (signerId == null) {
                throw new IllegalArgumentException("signer ID is null");
            }
            return signerId(signerId.getBytes(StandardCharsets.UTF_8));
        }

        /** The signer ID as raw bytes (at most 8191 bytes, the ENTL limit of GB/T 32918.2). */
        public Builder signerId(byte[] signerId) {
            this.signerId = Sm2Ids.require(signerId);
            return this;
        }

        /** DER (default) or raw {@code r || s}. */
        public Builder encoding(SignatureEncoding encoding) {
            if (encoding == null) {
                throw new IllegalArgumentException("encoding is null");
            }
            this.encoding = encoding;
            return this;
        }

        /**
         * The random source for the per-signature nonce k; by default each pooled engine has its own
         * {@code new SecureRandom()}. Only for platforms that mandate a specific generator.
         */
        public Builder random(SecureRandom random) {
            if (random == null) {
                throw new IllegalArgumentException("random is null");
            }
            this.random = random;
            return this;
        }

        public Sm2Signer build() {
            return new Sm2Signer(this);
        }
    }
}
