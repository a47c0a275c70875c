package org.haochaping.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.OpenSsl;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM4 field encryption and SM2 encryption, checked against OpenSSL 3 where it implements the mode. */
class CipherTest {

    static final byte[] KEY = Hex.decode("8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e");
    static final String CERT_NO = "12010119900307123X";

    @TempDir
    Path dir;

    static CryptoException.Reason reason(Runnable action) {
        try {
            action.run();
            return null;
        } catch (CryptoException e) {
            return e.reason();
        }
    }

    @Test
    void sm4GcmRoundTripsWithFreshNoncesAndAuthenticates() {
        Sm4FieldCipher cipher = Sm4FieldCipher.gcm(KEY);
        byte[] aad = "userCert".getBytes(StandardCharsets.US_ASCII);
        byte[] a = cipher.encrypt(CERT_NO.getBytes(StandardCharsets.UTF_8), aad);
        byte[] b = cipher.encrypt(CERT_NO.getBytes(StandardCharsets.UTF_8), aad);
        assertThat(a).hasSize(12 + 18 + 16).isNotEqualTo(b);
        assertThat(new String(cipher.decrypt(a, aad), StandardCharsets.UTF_8)).isEqualTo(CERT_NO);

        byte[] flipped = a.clone();
        flipped[20] ^= 1;
        assertThat(reason(() -> cipher.decrypt(flipped, aad))).isEqualTo(CryptoException.Reason.DECRYPTION_FAILED);
        assertThat(reason(() -> cipher.decrypt(a, "mobile".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(CryptoException.Reason.DECRYPTION_FAILED);
        assertThat(reason(() -> Sm4FieldCipher.gcm(Sm4FieldCipher.generateKey()).decrypt(a, aad))).isEqualTo(CryptoException.Reason.DECRYPTION_FAILED);
        assertThat(reason(() -> cipher.decrypt(new byte[27]))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void textHelpersUseBase64AndUtf8() {
        Sm4FieldCipher cipher = Sm4FieldCipher.gcm(KEY);
        String name = "张三丰";
        String sealed = cipher.encryptToBase64(name);
        assertThat(sealed).doesNotContain(name).matches("[A-Za-z0-9+/=]+");
        assertThat(cipher.decryptFromBase64(sealed)).isEqualTo(name);
        assertThat(reason(() -> cipher.decryptFromBase64("not base64 ***"))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void sm4CbcMatchesOpenSslBothWays() throws IOException {
        Sm4FieldCipher cipher = Sm4FieldCipher.cbc(KEY);
        byte[] plaintext = "13800138000".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = cipher.encrypt(plaintext);
        byte[] iv = Arrays.copyOfRange(sealed, 0, 16);
        Files.write(dir.resolve("cbc.bin"), Arrays.copyOfRange(sealed, 16, sealed.length));
        byte[] opened = OpenSsl.run(dir, "enc", "-d", "-sm4-cbc", "-K", Hex.toHexString(KEY), "-iv", Hex.toHexString(iv), "-in", "cbc.bin")
                .requireSuccess().stdout;
        assertThat(opened).isEqualTo(plaintext);

        byte[] opensslIv = Hex.decode("000102030405060708090a0b0c0d0e0f");
        byte[] opensslCiphertext = OpenSsl.run(dir, plaintext, "enc", "-sm4-cbc", "-K", Hex.toHexString(KEY), "-iv", Hex.toHexString(opensslIv))
                .requireSuccess().stdout;
        assertThat(cipher.decrypt(Arrays.concatenate(opensslIv, opensslCiphertext))).isEqualTo(plaintext);
        assertThat(reason(() -> cipher.decrypt(new byte[40]))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void sm4EcbIsLegacyButMatchesOpenSsl() {
        Sm4FieldCipher ecb = Sm4FieldCipher.legacyEcb(KEY);
        byte[] plaintext = CERT_NO.getBytes(StandardCharsets.US_ASCII);
        byte[] opensslCiphertext = OpenSsl.run(dir, plaintext, "enc", "-sm4-ecb", "-K", Hex.toHexString(KEY)).requireSuccess().stdout;
        assertThat(ecb.encrypt(plaintext)).isEqualTo(opensslCiphertext).isEqualTo(ecb.encrypt(plaintext));
        assertThat(ecb.decrypt(opensslCiphertext)).isEqualTo(plaintext);
        assertThat(ecb.mode()).isEqualTo(Sm4Mode.ECB);
    }

    @Test
    void associatedDataNeedsGcmAndKeysMustBe16Bytes() {
        assertThatThrownBy(() -> Sm4FieldCipher.cbc(KEY).encrypt(new byte[1], new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThat(reason(() -> Sm4FieldCipher.gcm(new byte[15]))).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
    }

    @Test
    void sm2EncryptionInteroperatesWithOpenSslInAsn1Layout() throws IOException {
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "sm2.pem").requireSuccess();
        OpenSsl.run(dir, "pkey", "-in", "sm2.pem", "-pubout", "-out", "sm2-pub.pem").requireSuccess();
        PrivateKeyMaterial key = PemKeys.privateKey(dir.resolve("sm2.pem"));
        byte[] secret = "time20250101120000appMarkappWord".getBytes(StandardCharsets.US_ASCII);

        Files.write(dir.resolve("sdk.ct"), Sm2Encryptor.of(key.publicKey(), Sm2CiphertextLayout.ASN1).encrypt(secret));
        assertThat(OpenSsl.run(dir, "pkeyutl", "-decrypt", "-inkey", "sm2.pem", "-in", "sdk.ct").requireSuccess().stdout).isEqualTo(secret);

        byte[] opensslCiphertext = OpenSsl.run(dir, secret, "pkeyutl", "-encrypt", "-pubin", "-inkey", "sm2-pub.pem").requireSuccess().stdout;
        assertThat(Sm2Decryptor.of(key, Sm2CiphertextLayout.ASN1).decrypt(opensslCiphertext)).isEqualTo(secret);
    }

    @Test
    void sm2LayoutsRoundTripAndRefuseTamperingAndTheWrongLayout() {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        byte[] plaintext = "[{\"projectNo\":\"TJ-1\"}]".getBytes(StandardCharsets.UTF_8);
        for (Sm2CiphertextLayout layout : Sm2CiphertextLayout.values()) {
            byte[] ciphertext = Sm2Encryptor.of(key.publicKey(), layout).encrypt(plaintext);
            assertThat(Sm2Decryptor.of(key, layout).decrypt(ciphertext)).as(layout.name()).isEqualTo(plaintext);
            byte[] tampered = ciphertext.clone();
            tampered[tampered.length - 1] ^= 1;
            assertThat(reason(() -> Sm2Decryptor.of(key, layout).decrypt(tampered))).isIn(CryptoException.Reason.DECRYPTION_FAILED, CryptoException.Reason.MALFORMED);
            assertThat(reason(() -> Sm2Decryptor.of(PrivateKeyMaterial.generateSm2(), layout).decrypt(ciphertext)))
                    .isEqualTo(CryptoException.Reason.DECRYPTION_FAILED);
        }
        byte[] c1c3c2 = Sm2Encryptor.of(key.publicKey(), Sm2CiphertextLayout.C1C3C2).encrypt(plaintext);
        assertThat(reason(() -> Sm2Decryptor.of(key, Sm2CiphertextLayout.C1C2C3).decrypt(c1c3c2))).isEqualTo(CryptoException.Reason.DECRYPTION_FAILED);
        assertThat(reason(() -> Sm2Decryptor.of(key, Sm2CiphertextLayout.ASN1).decrypt(c1c3c2))).isEqualTo(CryptoException.Reason.MALFORMED);
        assertThat(reason(() -> Sm2Decryptor.of(key, Sm2CiphertextLayout.C1C3C2).decrypt(new byte[50]))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void certKeyIsSm3OfNormalisedNumberAndName() {
        String expected = org.haochaping.crypto.Sm3.hex("12010119900307123X" + "张三");
        assertThat(CertKey.of(" 12010119900307123x ", "张三 ")).isEqualTo(expected).hasSize(64);
        assertThat(CertKey.of(CERT_NO, "张三")).isNotEqualTo(CertKey.of(CERT_NO, "李四"));
        assertThatThrownBy(() -> CertKey.of("", "张三")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Art. 17");
    }
}
