package org.haochaping.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SDK SM2-with-SM3 signing and verification beside raw Bouncy Castle {@code SM2Signer}, the baseline a
 * user would otherwise write: one engine initialised once and reused (the fast way), and one initialised
 * per signature (the common way). Goal: SDK at least 0.95 of the reused raw engine's throughput.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Sm2SignatureBenchmark {

    /** A canonical string of the unified profile: what the SDK signs for each request. */
    static final byte[] MESSAGE = ("HCP1-SM2-SM3\nREQUEST\nPOST\n/v1/evaluations\nareaCode=120101\napp-001\napp-key-1\n"
            + "1741919400\n3f3b89b1d95e5ca352d84d43381652d8\n13719c007e4cc8d5b09f10f00096a71b520bd8a5e93ad3d673ae87d109b438e7")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] ID = Sm2Signer.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII);

    /** Shared SDK objects: thread-safe by contract. */
    @State(Scope.Benchmark)
    public static class Sdk {
        PrivateKeyMaterial key;
        Sm2Signer signer;
        Sm2Verifier verifier;
        byte[] signature;

        @Setup
        public void setUp() {
            key = PrivateKeyMaterial.generateSm2();
            signer = Sm2Signer.builder(key).keyId("k").build();
            verifier = Sm2Verifier.builder().key("k", key.publicKey()).build();
            signature = signer.sign(MESSAGE);
        }
    }

    /** Raw Bouncy Castle engines: not thread-safe, so one per benchmark thread. */
    @State(Scope.Thread)
    public static class Raw {
        org.bouncycastle.crypto.signers.SM2Signer signEngine;
        org.bouncycastle.crypto.signers.SM2Signer verifyEngine;
        ParametersWithID signParams;

        @Setup
        public void setUp(Sdk sdk) {
            signParams = new ParametersWithID(new ParametersWithRandom(BouncyCastleKeys.parameters(sdk.key), new SecureRandom()), ID);
            signEngine = new org.bouncycastle.crypto.signers.SM2Signer();
            signEngine.init(true, signParams);
            verifyEngine = new org.bouncycastle.crypto.signers.SM2Signer();
            verifyEngine.init(false, new ParametersWithID(BouncyCastleKeys.parameters(sdk.key.publicKey()), ID));
        }
    }

    @Benchmark
    public byte[] sdkSign(Sdk sdk) {
        return sdk.signer.sign(MESSAGE);
    }

    @Benchmark
    public byte[] rawSignReusedEngine(Raw raw) throws CryptoException {
        raw.signEngine.update(MESSAGE, 0, MESSAGE.length);
        return raw.signEngine.generateSignature();
    }

    @Benchmark
    public byte[] rawSignInitEachTime(Raw raw) throws CryptoException {
        org.bouncycastle.crypto.signers.SM2Signer engine = new org.bouncycastle.crypto.signers.SM2Signer();
        engine.init(true, raw.signParams);
        engine.update(MESSAGE, 0, MESSAGE.length);
        return engine.generateSignature();
    }

    @Benchmark
    public boolean sdkVerify(Sdk sdk) {
        return sdk.verifier.verify("k", MESSAGE, sdk.signature);
    }

    @Benchmark
    public boolean rawVerifyReusedEngine(Sdk sdk, Raw raw) {
        raw.verifyEngine.update(MESSAGE, 0, MESSAGE.length);
        return raw.verifyEngine.verifySignature(sdk.signature);
    }
}
