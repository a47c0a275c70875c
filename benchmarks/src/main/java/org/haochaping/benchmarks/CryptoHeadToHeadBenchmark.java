package org.haochaping.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.HmacSigner;
import org.haochaping.crypto.sign.SignatureAlgorithm;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SDK and its raw Bouncy Castle baseline measured at the same time: each JMH group runs one thread
 * of each side side by side, so load from other processes on a shared machine hits both equally and the
 * ratio of the two scores stays meaningful even when absolute numbers swing. The baselines are the fast
 * raw forms (engine initialised or keyed once, reused by its one thread).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoHeadToHeadBenchmark {

    static final byte[] MESSAGE = Sm2SignatureBenchmark.MESSAGE;
    static final byte[] ID = Sm2Signer.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII);
    static final byte[] FIELD = "12010119900307123X".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SECRET = "platform-shared-secret-0123456789".getBytes(StandardCharsets.US_ASCII);

    /** One key and the SDK objects, shared by both threads of a group (the SDK's are thread-safe). */
    @State(Scope.Group)
    public static class Shared {
        PrivateKeyMaterial key;
        Sm2Signer signer;
        Sm2Verifier verifier;
        byte[] signature;
        Sm4FieldCipher fieldCipher;
        KeyParameter sm4Key;
        HmacSigner hmac;

        @Setup
        public void setUp() {
            key = PrivateKeyMaterial.generateSm2();
            signer = Sm2Signer.builder(key).keyId("k").build();
            verifier = Sm2Verifier.builder().key("k", key.publicKey()).build();
            signature = signer.sign(MESSAGE);
            byte[] k = Sm4FieldCipher.generateKey();
            fieldCipher = Sm4FieldCipher.gcm(k);
            sm4Key = new KeyParameter(k);
            hmac = HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "app-001", SECRET);
        }
    }

    /** Raw engines: one set per thread. */
    @State(Scope.Thread)
    public static class Raw {
        org.bouncycastle.crypto.signers.SM2Signer sign;
        org.bouncycastle.crypto.signers.SM2Signer verify;
        HMac mac;
        SecureRandom random;

        @Setup
        public void setUp(Shared shared) {
            sign = new org.bouncycastle.crypto.signers.SM2Signer();
            sign.init(true, new ParametersWithID(new ParametersWithRandom(BouncyCastleKeys.parameters(shared.key), new SecureRandom()), ID));
            verify = new org.bouncycastle.crypto.signers.SM2Signer();
            verify.init(false, new ParametersWithID(BouncyCastleKeys.parameters(shared.key.publicKey()), ID));
            mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(SECRET));
            random = new SecureRandom();
        }
    }

    @Benchmark
    @Group("sm2Sign")
    @GroupThreads(1)
    public byte[] sm2SignSdk(Shared shared) {
        return shared.signer.sign(MESSAGE);
    }

    @Benchmark
    @Group("sm2Sign")
    @GroupThreads(1)
    public byte[] sm2SignRaw(Raw raw) throws CryptoException {
        raw.sign.update(MESSAGE, 0, MESSAGE.length);
        return raw.sign.generateSignature();
    }

    @Benchmark
    @Group("sm2Verify")
    @GroupThreads(1)
    public boolean sm2VerifySdk(Shared shared) {
        return shared.verifier.verify("k", MESSAGE, shared.signature);
    }

    @Benchmark
    @Group("sm2Verify")
    @GroupThreads(1)
    public boolean sm2VerifyRaw(Shared shared, Raw raw) {
        raw.verify.update(MESSAGE, 0, MESSAGE.length);
        return raw.verify.verifySignature(shared.signature);
    }

    @Benchmark
    @Group("sm4GcmEncrypt")
    @GroupThreads(1)
    public byte[] sm4GcmEncryptSdk(Shared shared) {
        return shared.fieldCipher.encrypt(FIELD);
    }

    @Benchmark
    @Group("sm4GcmEncrypt")
    @GroupThreads(1)
    public byte[] sm4GcmEncryptRaw(Shared shared, Raw raw) throws InvalidCipherTextException {
        byte[] nonce = new byte[12];
        raw.random.nextBytes(nonce);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(shared.sm4Key, 128, nonce));
        byte[] out = new byte[12 + gcm.getOutputSize(FIELD.length)];
        System.arraycopy(nonce, 0, out, 0, 12);
        int n = gcm.processBytes(FIELD, 0, FIELD.length, out, 12);
        gcm.doFinal(out, 12 + n);
        return out;
    }

    @Benchmark
    @Group("hmacSm3")
    @GroupThreads(1)
    public byte[] hmacSm3Sdk(Shared shared) {
        return shared.hmac.sign(MESSAGE);
    }

    @Benchmark
    @Group("hmacSm3")
    @GroupThreads(1)
    public byte[] hmacSm3Raw(Raw raw) {
        raw.mac.update(MESSAGE, 0, MESSAGE.length);
        byte[] out = new byte[32];
        raw.mac.doFinal(out, 0);
        return out;
    }
}
