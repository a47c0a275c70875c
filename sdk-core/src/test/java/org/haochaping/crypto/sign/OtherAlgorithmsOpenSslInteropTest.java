package org.haochaping.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.OpenSsl;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECDSA P-256, RSA PKCS#1 v1.5 and PSS, HMAC-SM3 and HMAC-SHA256 against OpenSSL 3, both directions. */
class OtherAlgorithmsOpenSslInteropTest {

    static final byte[] MESSAGE = "POST\n/v1/evaluations\n好差评".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() throws IOException {
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.pem").requireSuccess();
        OpenSsl.run(dir, "pkey", "-in", "p256.pem", "-pubout", "-out", "p256-pub.pem").requireSuccess();
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem").requireSuccess();
        OpenSsl.run(dir, "pkey", "-in", "rsa.pem", "-pubout", "-out", "rsa-pub.pem").requireSuccess();
        Files.write(dir.resolve("message.bin"), MESSAGE);
    }

    @Test
    void ecdsaP256BothWays() throws IOException {
        PrivateKeyMaterial key = PemKeys.privateKey(dir.resolve("p256.pem"));
        PublicKeyMaterial pub = PemKeys.publicKey(dir.resolve("p256-pub.pem"));
        Files.write(dir.resolve("ecdsa.sig"), EcdsaP256Signer.of(key).sign(MESSAGE));
        assertThat(OpenSsl.run(dir, "dgst", "-sha256", "-verify", "p256-pub.pem", "-signature", "ecdsa.sig", "message.bin").exitCode).isZero();

        byte[] opensslSignature = OpenSsl.run(dir, "dgst", "-sha256", "-sign", "p256.pem", "message.bin").requireSuccess().stdout;
        EcdsaP256Verifier verifier = new EcdsaP256Verifier(SignatureEncoding.DER);
        verifier.addKey("k", pub);
        assertThat(verifier.verify("k", MESSAGE, opensslSignature)).isTrue();
        assertThat(verifier.verify("k", "tampered".getBytes(StandardCharsets.UTF_8), opensslSignature)).isFalse();
    }

    @Test
    void rsaPkcs1BothWays() throws IOException {
        PrivateKeyMaterial key = PemKeys.privateKey(dir.resolve("rsa.pem"));
        Files.write(dir.resolve("rsa.sig"), RsaSigner.of(key, RsaPadding.PKCS1_V1_5).sign(MESSAGE));
        assertThat(OpenSsl.run(dir, "dgst", "-sha256", "-verify", "rsa-pub.pem", "-signature", "rsa.sig", "message.bin").exitCode).isZero();

        byte[] opensslSignature = OpenSsl.run(dir, "dgst", "-sha256", "-sign", "rsa.pem", "message.bin").requireSuccess().stdout;
        RsaVerifier verifier = new RsaVerifier(RsaPadding.PKCS1_V1_5);
        verifier.addKey("k", PemKeys.publicKey(dir.resolve("rsa-pub.pem")));
        assertThat(verifier.verify("k", MESSAGE, opensslSignature)).isTrue();
    }

    @Test
    void rsaPssBothWays() throws IOException {
        PrivateKeyMaterial key = PemKeys.privateKey(dir.resolve("rsa.pem"));
        Files.write(dir.resolve("pss.sig"), RsaSigner.of(key, RsaPadding.PSS).sign(MESSAGE));
        assertThat(OpenSsl.run(dir, "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32",
                "-sigopt", "rsa_mgf1_md:sha256", "-verify", "rsa-pub.pem", "-signature", "pss.sig", "message.bin").exitCode).isZero();

        byte[] opensslSignature = OpenSsl.run(dir, "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32",
                "-sign", "rsa.pem", "message.bin").requireSuccess().stdout;
        RsaVerifier pss = new RsaVerifier(RsaPadding.PSS);
        pss.addKey("k", key.publicKey());
        RsaVerifier pkcs1 = new RsaVerifier(RsaPadding.PKCS1_V1_5);
        pkcs1.addKey("k", key.publicKey());
        assertThat(pss.verify("k", MESSAGE, opensslSignature)).isTrue();
        assertThat(pkcs1.verify("k", MESSAGE, opensslSignature)).isFalse();
        try {
            pss.verifyOrThrow("k", MESSAGE, new byte[255]);
            throw new AssertionError("short signature accepted");
        } catch (CryptoException e) {
            assertThat(e.reason()).isEqualTo(CryptoException.Reason.MALFORMED);
        }
    }

    @Test
    void hmacSm3AndSha256MatchOpenSsl() {
        byte[] secret = "shared-secret-of-the-platform-0001".getBytes(StandardCharsets.US_ASCII);
        String hexKey = Hex.toHexString(secret);
        byte[] sm3 = OpenSsl.run(dir, "mac", "-digest", "SM3", "-macopt", "hexkey:" + hexKey, "-in", "message.bin", "-binary", "HMAC")
                .requireSuccess().stdout;
        byte[] sha256 = OpenSsl.run(dir, "mac", "-digest", "SHA256", "-macopt", "hexkey:" + hexKey, "-in", "message.bin", "-binary", "HMAC")
                .requireSuccess().stdout;
        assertThat(HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "app-001", secret).sign(MESSAGE)).isEqualTo(sm3);
        assertThat(HmacSigner.of(SignatureAlgorithm.HMAC_SHA256, "app-001", secret).sign(MESSAGE)).isEqualTo(sha256);

        HmacVerifier verifier = new HmacVerifier(SignatureAlgorithm.HMAC_SM3);
        verifier.addKey("app-001", secret);
        assertThat(verifier.verify("app-001", MESSAGE, sm3)).isTrue();
        assertThat(verifier.verify("app-001", MESSAGE, sha256)).isFalse();
        assertThat(verifier.verify("app-002", MESSAGE, sm3)).isFalse();
    }

    @Test
    void shortHmacSecretsAreRefused() {
        try {
            HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "app", new byte[15]);
            throw new AssertionError("15-byte secret accepted");
        } catch (CryptoException e) {
            assertThat(e.reason()).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
        }
    }
}
