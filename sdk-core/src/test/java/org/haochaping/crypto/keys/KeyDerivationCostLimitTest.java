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

/**
 * Issue 13, defect 12: a key file that asks for a huge key-derivation iteration count is refused before any
 * derivation, with a message that names the limit, instead of hanging the loader (10^7 iterations took 7.5 to
 * 15 s). Files written by OpenSSL 3 with {@code -iter} just above the limit.
 */
class KeyDerivationCostLimitTest {

    private static final String OVER_LIMIT = Integer.toString(PasswordDecryptors.MAX_ITERATIONS + 1);

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() {
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "sm2.pem")
                .requireSuccess();
        OpenSsl.run(dir, "req", "-new", "-x509", "-key", "sm2.pem", "-sm3", "-sigopt", "distid:1234567812345678",
                "-subj", "/CN=hcp platform", "-days", "30", "-out", "sm2-cert.pem").requireSuccess();
    }

    @Test
    void encryptedPkcs8WithTooManyPbkdf2IterationsIsRefusedByName() throws IOException {
        OpenSsl.run(dir, "pkcs8", "-topk8", "-in", "sm2.pem", "-v2", "aes-256-cbc", "-iter", OVER_LIMIT,
                "-passout", "pass:pem-pass", "-out", "costly.pem").requireSuccess();
        String pem = Files.readString(dir.resolve("costly.pem"));
        assertThatThrownBy(() -> PemKeys.privateKey(pem, "pem-pass".toCharArray()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("PBKDF2").hasMessageContaining(OVER_LIMIT)
                .hasMessageContaining("the limit is 1000000")
                .satisfies(e -> assertThat(((CryptoException) e).reason())
                        .isEqualTo(CryptoException.Reason.KEY_UNUSABLE));
    }

    @Test
    void pkcs12WithTooManyMacIterationsIsRefusedBeforeTheMacIsComputed() {
        OpenSsl.run(dir, "pkcs12", "-export", "-inkey", "sm2.pem", "-in", "sm2-cert.pem", "-iter", OVER_LIMIT,
                "-passout", "pass:p12-pass", "-out", "costly.p12").requireSuccess();
        assertThatThrownBy(() -> Pkcs12Keys.privateKey(dir.resolve("costly.p12"), "p12-pass".toCharArray()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("PKCS#12 integrity MAC").hasMessageContaining(OVER_LIMIT);
    }

    // OpenSSL 3.0 ignores -nomac when -iter follows it: keep -nomac last.
    @Test
    void pkcs12WithoutMacButTooManyEncryptionIterationsIsRefusedByName() {
        OpenSsl.run(dir, "pkcs12", "-export", "-inkey", "sm2.pem", "-in", "sm2-cert.pem", "-iter", OVER_LIMIT,
                "-nomac", "-passout", "pass:p12-pass", "-out", "costly-nomac.p12").requireSuccess();
        assertThatThrownBy(() -> Pkcs12Keys.privateKey(dir.resolve("costly-nomac.p12"), "p12-pass".toCharArray()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("PBKDF2").hasMessageContaining(OVER_LIMIT);
    }

    @Test
    void legacyPkcs12WithTooManyIterationsIsRefusedByName() {
        OpenSsl.run(dir, "pkcs12", "-export", "-legacy", "-inkey", "sm2.pem", "-in", "sm2-cert.pem", "-iter",
                OVER_LIMIT, "-nomac", "-passout", "pass:p12-pass", "-out", "costly-legacy.p12").requireSuccess();
        assertThatThrownBy(() -> Pkcs12Keys.privateKey(dir.resolve("costly-legacy.p12"), "p12-pass".toCharArray()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("PKCS#12 password-based encryption").hasMessageContaining(OVER_LIMIT);
    }
}
