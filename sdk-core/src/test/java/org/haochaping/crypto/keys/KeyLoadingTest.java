package org.haochaping.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.OpenSsl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key format the brief names, written by OpenSSL 3 and read by the SDK without a JCA provider. */
class KeyLoadingTest {

    @TempDir
    static Path dir;

    static PrivateKeyMaterial sm2;

    @BeforeAll
    static void keys() {
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "sm2.pem").requireSuccess();
        OpenSsl.run(dir, "req", "-new", "-x509", "-key", "sm2.pem", "-sm3", "-sigopt", "distid:1234567812345678",
                "-subj", "/CN=hcp platform", "-days", "30", "-out", "sm2-cert.pem").requireSuccess();
        sm2 = PemKeys.privateKey(dir.resolve("sm2.pem"));
    }

    private static CryptoException.Reason reasonOf(Runnable action) {
        try {
            action.run();
        } catch (CryptoException e) {
            return e.reason();
        }
        throw new AssertionError("expected a CryptoException");
    }

    @Test
    void sec1SmTwoPrivateKeyAsOpenSslEcWritesIt() throws IOException {
        OpenSsl.run(dir, "ec", "-in", "sm2.pem", "-out", "sm2-sec1.pem").requireSuccess();
        String pem = Files.readString(dir.resolve("sm2-sec1.pem"));
        assertThat(pem).contains("BEGIN SM2 PRIVATE KEY");
        PrivateKeyMaterial key = PemKeys.privateKey(pem);
        assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.SM2);
        assertThat(key.publicKey()).isEqualTo(sm2.publicKey());
    }

    @Test
    void sec1EcPrivateKeyWithParametersBlockForP256() throws IOException {
        OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "p256-sec1.pem").requireSuccess();
        String pem = Files.readString(dir.resolve("p256-sec1.pem"));
        assertThat(pem).contains("BEGIN EC PARAMETERS").contains("BEGIN EC PRIVATE KEY");
        assertThat(PemKeys.privateKey(pem).algorithm()).isEqualTo(KeyAlgorithm.EC_P256);
    }

    @Test
    void encryptedPkcs8AsOpenSsl3WritesIt() throws IOException {
        OpenSsl.run(dir, "pkcs8", "-topk8", "-in", "sm2.pem", "-v2", "aes-256-cbc", "-passout", "pass:pem-pass", "-out", "sm2-enc.pem").requireSuccess();
        String pem = Files.readString(dir.resolve("sm2-enc.pem"));
        assertThat(pem).contains("BEGIN ENCRYPTED PRIVATE KEY");
        assertThat(PemKeys.privateKey(pem, "pem-pass".toCharArray()).publicKey()).isEqualTo(sm2.publicKey());
        assertThat(reasonOf(() -> PemKeys.privateKey(pem, "wrong".toCharArray()))).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
        assertThat(reasonOf(() -> PemKeys.privateKey(pem))).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
    }

    @Test
    void certificateGivesTheSubjectKey() {
        PublicKeyMaterial fromCert = PemKeys.publicKey(dir.resolve("sm2-cert.pem"));
        assertThat(fromCert).isEqualTo(sm2.publicKey());
    }

    @Test
    void rsaInPkcs1AndPkcs8AndSubjectPublicKeyInfo() throws IOException {
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem").requireSuccess();
        OpenSsl.run(dir, "rsa", "-in", "rsa.pem", "-traditional", "-out", "rsa-pkcs1.pem").requireSuccess();
        OpenSsl.run(dir, "rsa", "-in", "rsa.pem", "-RSAPublicKey_out", "-out", "rsa-pub-pkcs1.pem").requireSuccess();
        OpenSsl.run(dir, "pkey", "-in", "rsa.pem", "-pubout", "-out", "rsa-pub.pem").requireSuccess();
        PrivateKeyMaterial pkcs8 = PemKeys.privateKey(dir.resolve("rsa.pem"));
        assertThat(Files.readString(dir.resolve("rsa-pkcs1.pem"))).contains("BEGIN RSA PRIVATE KEY");
        assertThat(PemKeys.privateKey(dir.resolve("rsa-pkcs1.pem")).publicKey()).isEqualTo(pkcs8.publicKey());
        assertThat(PemKeys.publicKey(dir.resolve("rsa-pub-pkcs1.pem"))).isEqualTo(pkcs8.publicKey());
        assertThat(PemKeys.publicKey(dir.resolve("rsa-pub.pem"))).isEqualTo(pkcs8.publicKey());
        assertThat(pkcs8.algorithm()).isEqualTo(KeyAlgorithm.RSA);
    }

    @Test
    void shortRsaAndOtherCurvesAreRefused() throws IOException {
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "rsa1024.pem").requireSuccess();
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp384r1", "-out", "p384.pem").requireSuccess();
        assertThat(reasonOf(() -> PemKeys.privateKey(dir.resolve("rsa1024.pem")))).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
        assertThat(reasonOf(() -> PemKeys.privateKey(dir.resolve("p384.pem")))).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
    }

    @Test
    void garbageIsMalformedAndNeverQuoted() {
        String damaged = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG!!!secretish\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PemKeys.privateKey(damaged))
                .isInstanceOf(CryptoException.class)
                .satisfies(e -> assertThat(((CryptoException) e).reason()).isEqualTo(CryptoException.Reason.MALFORMED))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MIGHAgEAMBMG").doesNotContain("secretish"));
        assertThat(reasonOf(() -> PemKeys.privateKey("no pem here"))).isEqualTo(CryptoException.Reason.MALFORMED);
        assertThat(reasonOf(() -> PemKeys.publicKey(sm2.exportPkcs8Pem()))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void pkcs12AsOpenSsl3WritesItByDefaultAndLegacy() throws IOException {
        OpenSsl.run(dir, "pkcs12", "-export", "-inkey", "sm2.pem", "-in", "sm2-cert.pem", "-name", "platform",
                "-passout", "pass:p12-pass", "-out", "sm2.p12").requireSuccess();
        OpenSsl.run(dir, "pkcs12", "-export", "-legacy", "-inkey", "sm2.pem", "-in", "sm2-cert.pem",
                "-passout", "pass:p12-pass", "-out", "sm2-legacy.p12").requireSuccess();
        char[] password = "p12-pass".toCharArray();
        assertThat(Pkcs12Keys.privateKey(dir.resolve("sm2.p12"), password).publicKey()).isEqualTo(sm2.publicKey());
        assertThat(Pkcs12Keys.privateKey(Files.readAllBytes(dir.resolve("sm2.p12")), password, "platform").publicKey()).isEqualTo(sm2.publicKey());
        assertThat(Pkcs12Keys.privateKey(dir.resolve("sm2-legacy.p12"), password).publicKey()).isEqualTo(sm2.publicKey());

        assertThat(reasonOf(() -> Pkcs12Keys.privateKey(dir.resolve("sm2.p12"), "wrong".toCharArray()))).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
        assertThat(reasonOf(() -> Pkcs12Keys.privateKey(readAll(dir.resolve("sm2.p12")), password, "other"))).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
        assertThat(reasonOf(() -> Pkcs12Keys.privateKey(new byte[] {0x30, 0x03, 0x02, 0x01, 0x03}, password))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void pkcs12WithoutCertificateStillGivesTheKey() {
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "other.pem").requireSuccess();
        OpenSsl.run(dir, "pkcs12", "-export", "-nocerts", "-inkey", "other.pem", "-passout", "pass:x1234", "-out", "keyonly.p12").requireSuccess();
        assertThat(Pkcs12Keys.privateKey(dir.resolve("keyonly.p12"), "x1234".toCharArray()).algorithm()).isEqualTo(KeyAlgorithm.SM2);
    }

    @Test
    void generatedKeysRoundTripThroughPemAndPrintNothingSecret() {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        String pem = key.exportPkcs8Pem();
        assertThat(PemKeys.privateKey(pem).publicKey()).isEqualTo(key.publicKey());
        assertThat(PemKeys.publicKey(key.publicKey().toPem())).isEqualTo(key.publicKey());
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(key.toString()).contains("SM2").doesNotContain(body.substring(20, 40));
        String d = ((org.bouncycastle.crypto.params.ECPrivateKeyParameters) key.parameters()).getD().toString(16);
        assertThat(key.toString()).doesNotContainIgnoringCase(d);
        assertThat(key.publicKey().defaultKeyId()).hasSize(16).isEqualTo(key.publicKey().fingerprint().substring(0, 16));
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
