package org.haochaping.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SM4-GCM encryption of one personal field (an 18-character certificate number) by the SDK beside the
 * raw Bouncy Castle code a user would write: a GCM cipher set up per value with a random 12-byte nonce.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class FieldEncryptionBenchmark {

    static final byte[] FIELD = "12010119900307123X".getBytes(StandardCharsets.US_ASCII);

    byte[] key;
    Sm4FieldCipher sdk;
    byte[] sealed;
    KeyParameter rawKey;
    SecureRandom random;

    @Setup
    public void setUp() {
        key = Sm4FieldCipher.generateKey();
        sdk = Sm4FieldCipher.gcm(key);
        sealed = sdk.encrypt(FIELD);
        rawKey = new KeyParameter(key);
        random = new SecureRandom();
    }

    @Benchmark
    public byte[] sdkGcmEncrypt() {
        return sdk.encrypt(FIELD);
    }

    @Benchmark
    public byte[] rawGcmEncrypt() throws InvalidCipherTextException {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(rawKey, 128, nonce));
        byte[] out = new byte[12 + gcm.getOutputSize(FIELD.length)];
        System.arraycopy(nonce, 0, out, 0, 12);
        int n = gcm.processBytes(FIELD, 0, FIELD.length, out, 12);
        gcm.doFinal(out, 12 + n);
        return out;
    }

    @Benchmark
    public byte[] sdkGcmDecrypt() {
        return sdk.decrypt(sealed);
    }
}
