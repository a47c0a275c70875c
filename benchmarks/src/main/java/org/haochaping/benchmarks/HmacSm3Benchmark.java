package org.haochaping.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.haochaping.crypto.sign.HmacSigner;
import org.haochaping.crypto.sign.SignatureAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HMAC-SM3 over a canonical string by the SDK beside raw Bouncy Castle {@code HMac}: keyed once and
 * reused (fast, not thread-safe) and keyed per message (what thread-safe user code usually does).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class HmacSm3Benchmark {

    static final byte[] SECRET = "platform-shared-secret-0123456789".getBytes(StandardCharsets.US_ASCII);

    HmacSigner sdk;
    HMac reused;
    KeyParameter key;

    @Setup
    public void setUp() {
        sdk = HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "app-001", SECRET);
        key = new KeyParameter(SECRET);
        reused = new HMac(new SM3Digest());
        reused.init(key);
    }

    @Benchmark
    public byte[] sdkHmacSm3() {
        return sdk.sign(Sm2SignatureBenchmark.MESSAGE);
    }

    @Benchmark
    public byte[] rawHmacSm3ReusedEngine() {
        reused.update(Sm2SignatureBenchmark.MESSAGE, 0, Sm2SignatureBenchmark.MESSAGE.length);
        byte[] out = new byte[32];
        reused.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] rawHmacSm3KeyedEachTime() {
        HMac mac = new HMac(new SM3Digest());
        mac.init(key);
        mac.update(Sm2SignatureBenchmark.MESSAGE, 0, Sm2SignatureBenchmark.MESSAGE.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }
}
