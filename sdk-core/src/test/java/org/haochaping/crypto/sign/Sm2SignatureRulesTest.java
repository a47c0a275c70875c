package org.haochaping.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.junit.jupiter.api.Test;

/** What an SM2 verifier must refuse, and why; raw encoding; key rotation; concurrent use. */
class Sm2SignatureRulesTest {

    static final BigInteger N = GMNamedCurves.getByName("sm2p256v1").getN();
    static final PrivateKeyMaterial KEY = PrivateKeyMaterial.generateSm2();
    static final byte[] MESSAGE = "assessNumber=1".getBytes(StandardCharsets.UTF_8);

    static CryptoException.Reason reason(Sm2Verifier verifier, String keyId, byte[] message, byte[] signature) {
        try {
            verifier.verifyOrThrow(keyId, message, signature);
            return null;
        } catch (CryptoException e) {
            return e.reason();
        }
    }

    static byte[] der(BigInteger r, BigInteger s) {
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        return Arrays.concatenate(new byte[] {0x30, (byte) (rb.length + sb.length + 4), 0x02, (byte) rb.length},
                rb, Arrays.concatenate(new byte[] {0x02, (byte) sb.length}, sb));
    }

    @Test
    void derAndRawBothVerifyAndAreNotInterchangeable() {
        Sm2Verifier der = Sm2Verifier.builder().key("k", KEY.publicKey()).build();
        Sm2Verifier raw = Sm2Verifier.builder().encoding(SignatureEncoding.RAW).key("k", KEY.publicKey()).build();
        byte[] derSignature = Sm2Signer.builder(KEY).build().sign(MESSAGE);
        byte[] rawSignature = Sm2Signer.builder(KEY).encoding(SignatureEncoding.RAW).build().sign(MESSAGE);
        assertThat(rawSignature).hasSize(64);
        assertThat(derSignature[0]).isEqualTo((byte) 0x30);
        assertThat(der.verify("k", MESSAGE, derSignature)).isTrue();
        assertThat(raw.verify("k", MESSAGE, rawSignature)).isTrue();
        assertThat(reason(der, "k", MESSAGE, rawSignature)).isEqualTo(CryptoException.Reason.MALFORMED);
        assertThat(reason(raw, "k", MESSAGE, derSignature)).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void malformedDerIsRefusedAsMalformed() {
        Sm2Verifier verifier = Sm2Verifier.builder().key("k", KEY.publicKey()).build();
        byte[] good = Sm2Signer.builder(KEY).build().sign(MESSAGE);
        assertThat(verifier.verify("k", MESSAGE, good)).isTrue();

        byte[] trailing = Arrays.append(good, (byte) 0);
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        byte[] wrongTag = good.clone();
        wrongTag[0] = 0x31;
        // BER long-form length for the outer SEQUENCE: same values, not DER.
        byte[] berLength = Arrays.concatenate(new byte[] {0x30, (byte) 0x81, good[1]}, Arrays.copyOfRange(good, 2, good.length));
        for (byte[] bad : new byte[][] {trailing, truncated, wrongTag, berLength, new byte[0], new byte[] {0x30, 0x00}}) {
            assertThat(reason(verifier, "k", MESSAGE, bad)).as(Hex.toHexString(bad)).isEqualTo(CryptoException.Reason.MALFORMED);
        }
        assertThat(reason(verifier, "k", MESSAGE, null)).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void outOfRangeRAndSAreMalformed() {
        Sm2Verifier der = Sm2Verifier.builder().key("k", KEY.publicKey()).build();
        Sm2Verifier raw = Sm2Verifier.builder().encoding(SignatureEncoding.RAW).key("k", KEY.publicKey()).build();
        BigInteger one = BigInteger.ONE;
        BigInteger[][] cases = {{BigInteger.ZERO, one}, {one, BigInteger.ZERO}, {N, one}, {one, N}, {N.add(one), one}};
        for (BigInteger[] rs : cases) {
            assertThat(reason(der, "k", MESSAGE, der(rs[0], rs[1]))).as("r=%s s=%s", rs[0], rs[1]).isEqualTo(CryptoException.Reason.MALFORMED);
            if (rs[0].bitLength() <= 256 && rs[1].bitLength() <= 256) {
                byte[] plain = Arrays.concatenate(BigIntegers.asUnsignedByteArray(32, rs[0]), BigIntegers.asUnsignedByteArray(32, rs[1]));
                assertThat(reason(raw, "k", MESSAGE, plain)).isEqualTo(CryptoException.Reason.MALFORMED);
            }
        }
        // Negative r: a well-formed DER INTEGER, but outside [1, n-1].
        assertThat(reason(der, "k", MESSAGE, der(BigInteger.valueOf(-5), one))).isEqualTo(CryptoException.Reason.MALFORMED);
        // In range but wrong: a valid-looking signature that does not match.
        assertThat(reason(der, "k", MESSAGE, der(one, one))).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void wrongIdWrongKeyAndUnknownKeyIdAreTold() {
        byte[] signature = Sm2Signer.builder(KEY).signerId("ALICE123@YAHOO.COM").build().sign(MESSAGE);
        Sm2Verifier defaultId = Sm2Verifier.builder().key("k", KEY.publicKey()).build();
        Sm2Verifier alice = Sm2Verifier.builder().signerId("ALICE123@YAHOO.COM").key("k", KEY.publicKey())
                .key("other", PrivateKeyMaterial.generateSm2().publicKey()).build();
        assertThat(reason(defaultId, "k", MESSAGE, signature)).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        assertThat(reason(alice, "k", MESSAGE, signature)).isNull();
        assertThat(reason(alice, "other", MESSAGE, signature)).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        assertThat(reason(alice, "missing", MESSAGE, signature)).isEqualTo(CryptoException.Reason.UNKNOWN_KEY);
        assertThat(reason(alice, "bad id\n", MESSAGE, signature)).isEqualTo(CryptoException.Reason.UNKNOWN_KEY);
    }

    @Test
    void rotationAddsTheNewKeyBeforeRemovingTheOld() {
        PrivateKeyMaterial next = PrivateKeyMaterial.generateSm2();
        Sm2Signer oldSigner = Sm2Signer.builder(KEY).keyId("platform-2025").build();
        Sm2Signer newSigner = Sm2Signer.builder(next).keyId("platform-2026").build();
        Sm2Verifier verifier = Sm2Verifier.builder().key("platform-2025", KEY.publicKey()).build();
        byte[] oldSignature = oldSigner.sign(MESSAGE);
        byte[] newSignature = newSigner.sign(MESSAGE);

        assertThat(verifier.verify(newSigner.keyId(), MESSAGE, newSignature)).isFalse();
        verifier.addKey("platform-2026", next.publicKey()); // overlap: both accepted
        assertThat(verifier.keyIds()).containsExactly("platform-2025", "platform-2026");
        assertThat(verifier.verify(oldSigner.keyId(), MESSAGE, oldSignature)).isTrue();
        assertThat(verifier.verify(newSigner.keyId(), MESSAGE, newSignature)).isTrue();
        assertThat(verifier.removeKey("platform-2025")).isTrue();
        assertThat(reason(verifier, oldSigner.keyId(), MESSAGE, oldSignature)).isEqualTo(CryptoException.Reason.UNKNOWN_KEY);
        assertThat(verifier.verify(newSigner.keyId(), MESSAGE, newSignature)).isTrue();
    }

    @Test
    void keysOfTheWrongAlgorithmAreUnusable() {
        PrivateKeyMaterial p256 = PrivateKeyMaterial.generateP256();
        assertThatThrownBy(() -> Sm2Signer.builder(p256)).isInstanceOf(CryptoException.class)
                .satisfies(e -> assertThat(((CryptoException) e).reason()).isEqualTo(CryptoException.Reason.KEY_UNUSABLE));
        assertThatThrownBy(() -> Sm2Verifier.builder().key("k", p256.publicKey()).build()).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Sm2Signer.builder(KEY).keyId("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2Signer.builder(KEY).signerId(new byte[8192])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneSignerAndOneVerifierServeManyThreads() throws Exception {
        Sm2Signer signer = Sm2Signer.builder(KEY).keyId("k").build();
        Sm2Verifier verifier = Sm2Verifier.builder().key("k", KEY.publicKey()).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        byte[] message = ("thread " + thread + " message " + i).getBytes(StandardCharsets.UTF_8);
                        byte[] signature = signer.sign(message);
                        byte[] other = ("thread " + thread + " message " + (i + 1)).getBytes(StandardCharsets.UTF_8);
                        if (!verifier.verify("k", message, signature) || verifier.verify("k", other, signature)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
