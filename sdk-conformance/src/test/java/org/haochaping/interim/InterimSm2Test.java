package org.haochaping.interim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interim SM2 signer against OpenSSL 3, both ways, with OpenSSL's own key files. */
class InterimSm2Test {

    @TempDir
    static Path dir;
    static Path privatePem;
    static Path publicPem;
    static ECPrivateKeyParameters privateKey;
    static ECPublicKeyParameters publicKey;

    @BeforeAll
    static void keys() throws IOException {
        Path[] files = Openssl.generateSm2Key(dir, "issuer");
        privatePem = files[0];
        publicPem = files[1];
        privateKey = InterimSm2Keys.readPrivateKey(privatePem);
        publicKey = InterimSm2Keys.readPublicKey(publicPem);
    }

    @Test
    void publicKeyDerivedFromThePrivateKeyIsOpensslsPublicKey() {
        assertThat(InterimSm2Keys.publicKeyOf(privateKey).getQ()).isEqualTo(publicKey.getQ());
        assertThat(InterimSm2Keys.keyId(publicKey)).matches("sm2-[0-9a-f]{8}")
                .isEqualTo(InterimSm2Keys.keyId(InterimSm2Keys.publicKeyOf(privateKey)));
    }

    @Test
    void opensslVerifiesOurSignatures() throws IOException {
        InterimSm2Signer signer = new InterimSm2Signer(privateKey, "k1");
        for (String text : new String[] {"", "hello", "请扫码评价", "x".repeat(1000)}) {
            byte[] message = text.getBytes(StandardCharsets.UTF_8);
            byte[] signature = signer.sign(message);
            assertThat(Openssl.verify(publicPem, message, signature, dir)).as("openssl verifies '%s'", text).isTrue();
            byte[] other = (text + "!").getBytes(StandardCharsets.UTF_8);
            assertThat(Openssl.verify(publicPem, other, signature, dir)).isFalse();
        }
    }

    @Test
    void weVerifyOpensslsSignatures() throws IOException {
        InterimSm2Verifier verifier = new InterimSm2Verifier(Map.of("k1", publicKey));
        byte[] message = "HCP-RECEIPT test message".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Openssl.sign(privatePem, message, dir);

        assertThat(verifier.verify("k1", message, signature)).isTrue();
        assertThat(verifier.verify("k2", message, signature)).as("unknown key").isFalse();
        byte[] tampered = message.clone();
        tampered[0] ^= 1;
        assertThat(verifier.verify("k1", tampered, signature)).isFalse();
        assertThat(verifier.verify("k1", message, new byte[] {0x30, 0x02, 0x01})).as("malformed DER").isFalse();
        // The verifier is still usable after a malformed signature.
        assertThat(verifier.verify("k1", message, signature)).isTrue();
    }

    @Test
    void signaturesAreDerOfAtMost72Bytes() {
        InterimSm2Signer signer = new InterimSm2Signer(privateKey, "k1");
        for (int i = 0; i < 50; i++) {
            byte[] signature = signer.sign(new byte[] {(byte) i});
            assertThat(signature[0]).isEqualTo((byte) 0x30);
            assertThat(signature.length).isBetween(8, 72);
        }
    }

    @Test
    void keyFilesOfTheWrongKindAreRefusedWithoutShowingKeyMaterial() throws IOException {
        assertThatThrownBy(() -> InterimSm2Keys.readPrivateKey(publicPem)).isInstanceOf(IOException.class)
                .hasMessageContaining("no PEM block 'PRIVATE KEY'");
        assertThatThrownBy(() -> InterimSm2Keys.readPublicKey(privatePem)).isInstanceOf(IOException.class)
                .hasMessageContaining("no PEM block 'PUBLIC KEY'");

        Path p256 = dir.resolve("p256.pem");
        Process process = new ProcessBuilder("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-out", p256.toString()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(waitFor(process)).isZero();
        assertThatThrownBy(() -> InterimSm2Keys.readPrivateKey(p256)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an SM2 private key");

        Path garbage = Files.writeString(dir.resolve("garbage.pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> InterimSm2Keys.readPrivateKey(garbage)).isInstanceOf(IOException.class)
                .hasMessageNotContaining("AAAA");
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
