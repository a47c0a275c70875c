package org.haochaping.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.OpenSsl;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM2-with-SM3 signatures against OpenSSL 3, in both directions, with default and custom signer IDs. */
class Sm2OpenSslInteropTest {

    private static final byte[] MESSAGE = "projectNo=TJ-2024-000123&satisfaction=5\n好差评".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    static PrivateKeyMaterial opensslKey;
    static PublicKeyMaterial opensslPublic;

    @BeforeAll
    static void generateKeyWithOpenSsl() throws IOException {
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "openssl-key.pem").requireSuccess();
        OpenSsl.run(dir, "pkey", "-in", "openssl-key.pem", "-pubout", "-out", "openssl-pub.pem").requireSuccess();
        Files.write(dir.resolve("message.bin"), MESSAGE);
        opensslKey = PemKeys.privateKey(dir.resolve("openssl-key.pem"));
        opensslPublic = PemKeys.publicKey(dir.resolve("openssl-pub.pem"));
    }

    @Test
    void opensslGeneratedKeysLoadAsSm2AndMatch() {
        assertThat(opensslKey.algorithm()).isEqualTo(KeyAlgorithm.SM2);
        assertThat(opensslPublic.algorithm()).isEqualTo(KeyAlgorithm.SM2);
        assertThat(opensslKey.publicKey()).isEqualTo(opensslPublic);
    }

    @Test
    void sdkSignatureVerifiesInOpenSsl() throws IOException {
        byte[] signature = Sm2Signer.builder(opensslKey).build().sign(MESSAGE);
        Files.write(dir.resolve("sdk.sig"), signature);
        assertThat(opensslVerify("openssl-pub.pem", "message.bin", "sdk.sig", Sm2Signer.DEFAULT_SIGNER_ID).exitCode).isZero();
    }

    @Test
    void openSslSignatureVerifiesInSdk() throws IOException {
        byte[] signature = opensslSign("openssl-key.pem", "message.bin", Sm2Signer.DEFAULT_SIGNER_ID);
        Sm2Verifier verifier = Sm2Verifier.builder().key("platform-1", opensslPublic).build();
        assertThat(verifier.verify("platform-1", MESSAGE, signature)).isTrue();
    }

    @Test
    void customSignerIdRoundTripsBothWays() throws IOException {
        String id = "hcp-tianjin@example.gov.cn";
        byte[] sdkSignature = Sm2Signer.builder(opensslKey).signerId(id).build().sign(MESSAGE);
        Files.write(dir.resolve("sdk-custom.sig"), sdkSignature);
        assertThat(opensslVerify("openssl-pub.pem", "message.bin", "sdk-custom.sig", id).exitCode).isZero();
        assertThat(opensslVerify("openssl-pub.pem", "message.bin", "sdk-custom.sig", Sm2Signer.DEFAULT_SIGNER_ID).exitCode)
                .as("the default ID must not verify a custom-ID signature").isNotZero();

        byte[] opensslSignature = opensslSign("openssl-key.pem", "message.bin", id);
        Sm2Verifier custom = Sm2Verifier.builder().signerId(id).key("k", opensslPublic).build();
        Sm2Verifier defaultId = Sm2Verifier.builder().key("k", opensslPublic).build();
        assertThat(custom.verify("k", MESSAGE, opensslSignature)).isTrue();
        assertThatThrownBy(() -> defaultId.verifyOrThrow("k", MESSAGE, opensslSignature))
                .isInstanceOf(CryptoException.class)
                .extracting(e -> ((CryptoException) e).reason()).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void tamperedMessageFailsBothWays() throws IOException {
        byte[] tampered = MESSAGE.clone();
        tampered[tampered.length - 1] ^= 0x01;
        Files.write(dir.resolve("tampered.bin"), tampered);

        byte[] sdkSignature = Sm2Signer.builder(opensslKey).build().sign(MESSAGE);
        Files.write(dir.resolve("sdk-t.sig"), sdkSignature);
        assertThat(opensslVerify("openssl-pub.pem", "tampered.bin", "sdk-t.sig", Sm2Signer.DEFAULT_SIGNER_ID).exitCode).isNotZero();

        byte[] opensslSignature = opensslSign("openssl-key.pem", "message.bin", Sm2Signer.DEFAULT_SIGNER_ID);
        Sm2Verifier verifier = Sm2Verifier.builder().key("k", opensslPublic).build();
        assertThat(verifier.verify("k", tampered, opensslSignature)).isFalse();
        assertThat(verifier.verify("k", MESSAGE, opensslSignature)).isTrue();
    }

    @Test
    void sdkGeneratedKeyIsReadByOpenSslAndSignsForIt() throws IOException {
        PrivateKeyMaterial sdkKey = PrivateKeyMaterial.generateSm2();
        Files.writeString(dir.resolve("sdk-key.pem"), sdkKey.exportPkcs8Pem());
        Files.writeString(dir.resolve("sdk-pub.pem"), sdkKey.publicKey().toPem());
        OpenSsl.Result text = OpenSsl.run(dir, "pkey", "-in", "sdk-key.pem", "-noout", "-text").requireSuccess();
        assertThat(text.stdoutText()).contains("ASN1 OID: SM2");
        OpenSsl.run(dir, "pkey", "-pubin", "-in", "sdk-pub.pem", "-noout").requireSuccess();

        byte[] opensslSignature = opensslSign("sdk-key.pem", "message.bin", Sm2Signer.DEFAULT_SIGNER_ID);
        assertThat(Sm2Verifier.builder().key("k", sdkKey.publicKey()).build().verify("k", MESSAGE, opensslSignature)).isTrue();
        Files.write(dir.resolve("sdk-own.sig"), Sm2Signer.builder(sdkKey).build().sign(MESSAGE));
        assertThat(opensslVerify("sdk-pub.pem", "message.bin", "sdk-own.sig", Sm2Signer.DEFAULT_SIGNER_ID).exitCode).isZero();
    }

    static byte[] opensslSign(String key, String input, String id) {
        return OpenSsl.run(dir, "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", key,
                "-pkeyopt", "distid:" + id, "-in", input).requireSuccess().stdout;
    }

    static OpenSsl.Result opensslVerify(String publicKey, String input, String signatureFile, String id) {
        return OpenSsl.run(dir, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", publicKey,
                "-pkeyopt", "distid:" + id, "-in", input, "-sigfile", signatureFile);
    }
}
