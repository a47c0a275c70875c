package org.haochaping.crypto.sign;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * Verifies SM2-with-SM3 signatures (GB/T 32918.2, GM/T 0009) under one or more public keys picked by key
 * id. Rejects malformed encodings and r, s outside [1, n-1] as {@code MALFORMED} and a wrong message,
 * key or signer ID as {@code SIGNATURE_INVALID}. Thread-safe; keys can be added and removed while in
 * use (rotation without downtime). Initialised engines are pooled per key.
 */
public final class Sm2Verifier implements Verifier {

    private static final String ALGORITHM = SignatureAlgorithm.SM2_SM3.wireName();
    private static final BigInteger SM2_ORDER = CustomNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1).getN();

    private final byte[] signerId;
    private final SignatureEncoding encoding;
    private final KeyRing<Pool<SM2Signer>> keys = new KeyRing<Pool<SM2Signer>>();

    private Sm2Verifier(Builder builder) {
        this.signerId = builder.signerId;
        this.encoding = builder.encoding;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    public SignatureEncoding encoding() {
        return encoding;
    }

    /** Accepts signatures by {@code key} under {@code keyId} from now on (replacing a key of that id). */
    public void addKey(String keyId, PublicKeyMaterial key) {
        KeyIds.require(keyId);
        if (key == null || key.algorithm() != KeyAlgorithm.SM2) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "SM2 verifier needs an SM2 public key" + (key == null ? "" : ", got " + key.algorithm()));
        }
        final ParametersWithID params = new ParametersWithID((ECPublicKeyParameters) BouncyCastleKeys.parameters(key), signerId);
        keys.put(keyId, new Pool<SM2Signer>(new Pool.Factory<SM2Signer>() {
            @Override
            public SM2Signer create() {
                SM2Signer engine = new SM2Signer(DsaSignatureCheck.encodingOf(encoding), new SM3Digest());
                engine.init(false, params);
                return engine;
            }
        }));
    }

    /** Stops accepting signatures under {@code keyId}; returns whether such a key was held. */
    public boolean removeKey(String keyId) {
        return keys.remove(keyId);
    }

    /** The key ids currently accepted, sorted. */
    public Set<String> keyIds() {
        return keys.ids();
    }

    @Override
    public boolean verify(String keyId, byte[] message, byte[] signature) {
        try {
            verifyOrThrow(keyId, message, signature);
            return true;
        } catch (CryptoException e) {
            return false;
        }
    }

    @Override
    public void verifyOrThrow(String keyId, byte[] message, byte[] signature) {
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
        Pool<SM2Signer> engines = keys.require(ALGORITHM, keyId);
        DsaSignatureCheck.requireWellFormed(ALGORITHM, encoding, SM2_ORDER, signature);
        SM2Signer engine = engines.take();
        engine.update(message, 0, message.length);
        boolean valid = engine.verifySignature(signature);
        engines.give(engine);
        if (!valid) {
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID,
                    "SM2 signature does not verify under key id '" + keyId + "' (wrong message, key or signer ID)");
        }
    }

    @Override
    public String toString() {
        return "Sm2Verifier[" + encoding + ", keys " + keys.ids() + "]";
    }

    /** Options of an {@link Sm2Verifier}. */
    public static final class Builder {
        private byte[] signerId = Sm2Signer.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII);
        private SignatureEncoding encoding = SignatureEncoding.DER;
        private final LinkedHashMap<String, PublicKeyMaterial> initialKeys = new LinkedHashMap<String, PublicKeyMaterial>();

        private Builder() {
        }

        /** The signer ID as UTF-8 text; default {@value Sm2Signer#DEFAULT_SIGNER_ID}. */
        public Builder signerId(String signerId) {
            if (signerId == null) {
                throw new IllegalArgumentException("signer ID is null");
            }
            return signerId(signerId.getBytes(StandardCharsets.UTF_8));
        }

        /** The signer ID as raw bytes. */
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

        /** Accepts signatures by {@code key} under {@code keyId}; call once per key. */
        public Builder key(String keyId, PublicKeyMaterial key) {
            initialKeys.put(KeyIds.require(keyId), key);
            return this;
        }

        public Sm2Verifier build() {
            Sm2Verifier verifier = new Sm2Verifier(this);
            for (Map.Entry<String, PublicKeyMaterial> e : initialKeys.entrySet()) {
                verifier.addKey(e.getKey(), e.getValue());
            }
            return verifier;
        }
    }
}
