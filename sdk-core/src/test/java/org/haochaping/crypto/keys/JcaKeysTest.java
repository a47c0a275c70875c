package org.haochaping.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys as servers and terminals hold them: JCA objects, key stores, streams and bytes. */
class JcaKeysTest {

    @TempDir
    Path dir;

    @Test
    void aJcaKeyPairBecomesTheSameKeyMaterial() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        PrivateKeyMaterial key = JcaKeys.privateKey(pair.getPrivate());
        assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.EC_P256);
        assertThat(key.publicKey()).isEqualTo(JcaKeys.publicKey(pair.getPublic()));
    }

    @Test
    void aPkcs12KeyStoreThatOpenSslWroteIsReadThroughTheJcaAndAgreesWithThePemKey() throws Exception {
        OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "p256.pem").requireSuccess();
        OpenSsl.run(dir, "req", "-new", "-x509", "-key", "p256.pem", "-subj", "/CN=hcp terminal", "-days", "30",
                "-out", "p256-cert.pem").requireSuccess();
        OpenSsl.run(dir, "pkcs12", "-export", "-inkey", "p256.pem", "-in", "p256-cert.pem", "-name", "terminal",
                "-passout", "pass:store-pass", "-out", "p256.p12").requireSuccess();
        char[] password = "store-pass".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("p256.p12"))) {
            store.load(in, password);
        }
        PrivateKeyMaterial fromPem = PemKeys.privateKey(dir.resolve("p256.pem"));
        assertThat(JcaKeys.privateKey(store, "terminal", password).publicKey()).isEqualTo(fromPem.publicKey());
        // The same file as a stream (e.g. a classpath resource) through the SDK's own PKCS#12 reader.
        try (InputStream in = Files.newInputStream(dir.resolve("p256.p12"))) {
            assertThat(Pkcs12Keys.privateKey(in, password).publicKey()).isEqualTo(fromPem.publicKey());
        }
        // PEM from a stream and from bytes.
        byte[] pem = Files.readAllBytes(dir.resolve("p256.pem"));
        assertThat(PemKeys.privateKey(new ByteArrayInputStream(pem), null).publicKey()).isEqualTo(fromPem.publicKey());
        assertThat(PemKeys.privateKey(pem, null).publicKey()).isEqualTo(fromPem.publicKey());
        assertThat(PemKeys.publicKey(Files.readAllBytes(dir.resolve("p256-cert.pem")))).isEqualTo(fromPem.publicKey());

        CryptoException wrong = catchThrowableOfType(CryptoException.class,
                () -> JcaKeys.privateKey(store, "terminal", "not-Th3-pass".toCharArray()));
        assertThat(wrong.reason()).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
        assertThat(wrong.getMessage()).contains("'terminal'").doesNotContain("not-Th3-pass");
        assertThat(catchThrowableOfType(CryptoException.class, () -> JcaKeys.privateKey(store, "other", password))
                .getMessage()).contains("no such alias");
    }

    @Test
    void aHardwareKeyIsRefusedWithTheWayToUseIt() {
        PrivateKey hardware = new PrivateKey() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return null;                       // what PKCS#11 and Android Keystore keys answer
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
        CryptoException e = catchThrowableOfType(CryptoException.class, () -> JcaKeys.privateKey(hardware));
        assertThat(e.reason()).isEqualTo(CryptoException.Reason.KEY_UNUSABLE);
        assertThat(e.getMessage()).contains("org.haochaping.crypto.Signer");
    }

    @Test
    void aMissingClasspathResourceSaysSo() {
        CryptoException e = catchThrowableOfType(CryptoException.class,
                () -> PemKeys.privateKey(JcaKeysTest.class.getResourceAsStream("/no-such-key.pem"), null));
        assertThat(e.getMessage()).contains("classpath resource");
    }
}
