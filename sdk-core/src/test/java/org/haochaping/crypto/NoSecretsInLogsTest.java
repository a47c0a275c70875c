package org.haochaping.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.cipher.CertKey;
import org.haochaping.crypto.cipher.Sm2CiphertextLayout;
import org.haochaping.crypto.cipher.Sm2Decryptor;
import org.haochaping.crypto.cipher.Sm2Encryptor;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
import org.haochaping.crypto.envelope.EnvelopeOpener;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.envelope.NationalEnvelope;
import org.haochaping.crypto.envelope.OpenedEnvelope;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.Pkcs12Keys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.InMemoryReplayGuard;
import org.haochaping.crypto.request.SignatureHeaders;
import org.haochaping.crypto.request.SignedHeaders;
import org.haochaping.crypto.sign.HmacSigner;
import org.haochaping.crypto.sign.HmacVerifier;
import org.haochaping.crypto.sign.SignatureAlgorithm;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.haochaping.testing.LogCapture;
import org.slf4j.LoggerFactory;

/**
 * Art. 17 and the brief: no key, secret, certificate number, name or mobile may reach a log line, an
 * exception message or a {@code toString()}. Drives every signing and encryption path, success and
 * failure, with a real SLF4J binding (the test provider {@link LogCapture}, every level of the SDK's loggers), then
 * searches everything captured for each secret in every encoding it could leak in.
 */
class NoSecretsInLogsTest {

    static final String CERT_NO = "120101199003071234";
    static final String NAME = "欧阳明月";
    static final String MOBILE = "13912345678";
    static final String APP_WORD = "app-word-7f3a9c2e";
    static final String HMAC_SECRET = "hmac-secret-51d0e6b4a2c8";
    static final String PASSWORD = "pem-password-88";

    @TempDir
    Path dir;

    final List<String> texts = new ArrayList<>();

    CryptoException.Reason attempt(Runnable action) {
        try {
            action.run();
            return null;
        } catch (CryptoException | IllegalArgumentException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
            }
            return e instanceof CryptoException ? ((CryptoException) e).reason() : null;
        }
    }

    void show(Object... objects) {
        for (Object o : objects) {
            texts.add(String.valueOf(o));
        }
    }

    @Test
    void noSecretOrPersonalDataInLogsExceptionsOrToString() throws IOException {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).as("the capturing binding is on the test classpath")
                .contains("LogCapture");
        LogCapture.clear();
        List<String> secrets = exerciseEveryPath();
        String logs = String.join("\n", LogCapture.lines());

        assertThat(logs).as("the capture works and the SDK does log").contains("Loaded SM2 private key")
                .contains("SM4-ECB selected").contains("Replay guard full").contains("PKCS#12");
        assertThat(texts).as("failure paths produced messages").hasSizeGreaterThan(30);
        String everything = logs + "\n" + String.join("\n", texts);
        for (String secret : secrets) {
            assertThat(everything).as("a secret leaked").doesNotContain(secret);
            assertThat(everything.toLowerCase(Locale.ROOT)).as("a secret leaked (case-insensitive)").doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
    }

    List<String> exerciseEveryPath() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(CERT_NO, NAME, MOBILE, APP_WORD, HMAC_SECRET, PASSWORD,
                Hex.toHexString(HMAC_SECRET.getBytes(StandardCharsets.UTF_8))));

        // Keys: PEM (PKCS#8, SEC1, encrypted), PKCS#12, each also failing.
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "k.pem").requireSuccess();
        OpenSsl.run(dir, "ec", "-in", "k.pem", "-out", "k-sec1.pem").requireSuccess();
        OpenSsl.run(dir, "pkcs8", "-topk8", "-in", "k.pem", "-v2", "aes-256-cbc", "-passout", "pass:" + PASSWORD, "-out", "k-enc.pem").requireSuccess();
        OpenSsl.run(dir, "pkcs12", "-export", "-nocerts", "-inkey", "k.pem", "-passout", "pass:" + PASSWORD, "-out", "k.p12").requireSuccess();
        String pem = Files.readString(dir.resolve("k.pem"));
        PrivateKeyMaterial key = PemKeys.privateKey(pem);
        PemKeys.privateKey(dir.resolve("k-sec1.pem"));
        PemKeys.privateKey(dir.resolve("k-enc.pem"), PASSWORD.toCharArray());
        Pkcs12Keys.privateKey(dir.resolve("k.p12"), PASSWORD.toCharArray());
        attempt(() -> PemKeys.privateKey(dir.resolve("k-enc.pem"), "wrong".toCharArray()));
        attempt(() -> Pkcs12Keys.privateKey(dir.resolve("k.p12"), "wrong".toCharArray()));
        attempt(() -> PemKeys.privateKey(pem.replace("M", "!")));
        attempt(() -> PemKeys.publicKey(pem));
        String d = ((ECPrivateKeyParameters) BouncyCastleKeys.parameters(key)).getD().toString(16);
        secrets.add(d);
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() > 20) {
                secrets.add(line.trim());
            }
        }
        show(key, key.publicKey());

        // Signatures: SM2, HMAC; every failure reason.
        Sm2Signer signer = Sm2Signer.builder(key).keyId("app-key-1").build();
        Sm2Verifier verifier = Sm2Verifier.builder().key("app-key-1", key.publicKey()).build();
        byte[] message = (CERT_NO + NAME + MOBILE).getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(message);
        attempt(() -> verifier.verifyOrThrow("app-key-1", "other".getBytes(StandardCharsets.UTF_8), signature));
        attempt(() -> verifier.verifyOrThrow("unknown", message, signature));
        attempt(() -> verifier.verifyOrThrow("app-key-1", message, new byte[] {1, 2, 3}));
        attempt(() -> Sm2Signer.builder(PrivateKeyMaterial.generateP256()));
        HmacSigner hmac = HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "app-001", HMAC_SECRET.getBytes(StandardCharsets.UTF_8));
        HmacVerifier hmacVerifier = new HmacVerifier(SignatureAlgorithm.HMAC_SM3);
        hmacVerifier.addKey("app-001", HMAC_SECRET.getBytes(StandardCharsets.UTF_8));
        attempt(() -> hmacVerifier.verifyOrThrow("app-001", message, new byte[32]));
        attempt(() -> HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "app-001", "short".getBytes(StandardCharsets.UTF_8)));
        show(signer, verifier, hmac, hmacVerifier);

        // Personal fields: SM4 in every mode, SM2 encryption, certKey.
        byte[] sm4Key = Sm4FieldCipher.generateKey();
        secrets.add(Hex.toHexString(sm4Key));
        secrets.add(Base64.getEncoder().encodeToString(sm4Key));
        for (Sm4FieldCipher cipher : List.of(Sm4FieldCipher.gcm(sm4Key), Sm4FieldCipher.cbc(sm4Key), Sm4FieldCipher.legacyEcb(sm4Key))) {
            String sealed = cipher.encryptToBase64(CERT_NO);
            assertThat(cipher.decryptFromBase64(sealed)).isEqualTo(CERT_NO);
            attempt(() -> cipher.decryptFromBase64(sealed.substring(4)));
            attempt(() -> Sm4FieldCipher.gcm(Sm4FieldCipher.generateKey()).decryptFromBase64(sealed));
            show(cipher);
        }
        attempt(() -> Sm4FieldCipher.gcm(new byte[5]));
        byte[] sm2Ciphertext = Sm2Encryptor.of(key.publicKey(), Sm2CiphertextLayout.C1C3C2).encrypt(MOBILE.getBytes(StandardCharsets.UTF_8));
        attempt(() -> Sm2Decryptor.of(PrivateKeyMaterial.generateSm2(), Sm2CiphertextLayout.C1C3C2).decrypt(sm2Ciphertext));
        attempt(() -> Sm2Decryptor.of(key, Sm2CiphertextLayout.ASN1).decrypt(sm2Ciphertext));
        show(CertKey.of(CERT_NO, NAME).length());

        // Signed requests: success and every refusal, with personal data in the body.
        Clock clock = Clock.fixed(Instant.parse("2025-03-14T02:30:00Z"), ZoneOffset.UTC);
        MessageSigner requests = MessageSigner.builder(signer).appId("app-001").clock(clock).build();
        byte[] body = ("[{\"userCert\":\"" + CERT_NO + "\",\"userName\":\"" + NAME + "\",\"mobile\":\"" + MOBILE + "\"}]").getBytes(StandardCharsets.UTF_8);
        SignedHeaders headers = requests.signRequest("POST", "/v1/evaluations", "mobile=" + MOBILE, body);
        MessageVerifier incoming = MessageVerifier.builder(verifier).clock(clock).replayGuard(new InMemoryReplayGuard(1)).build();
        incoming.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", "mobile=" + MOBILE, headers.asMap(), body);
        attempt(() -> incoming.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", "mobile=" + MOBILE, headers.asMap(), body));
        attempt(() -> incoming.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", "mobile=" + MOBILE, headers.asMap(), new byte[1]));
        attempt(() -> incoming.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", "mobile=%zz" + MOBILE, headers.asMap(), body));
        Map<String, String> mangled = new TreeMap<>(headers.asMap());
        mangled.put(SignatureHeaders.ALGORITHM, NAME);
        attempt(() -> incoming.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, mangled, body));
        mangled.put(SignatureHeaders.TIMESTAMP, "1");
        attempt(() -> incoming.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, mangled, body));
        SignedHeaders second = requests.signRequest("POST", "/v1/evaluations", null, body);
        incoming.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, second.asMap(), body); // guard of 1: evicts
        show(requests, incoming, headers, headers.canonicalMessage());

        // National envelope: seal, open, and every refusal.
        PrivateKeyMaterial platform = PrivateKeyMaterial.generateSm2();
        EnvelopeSealer sealer = EnvelopeSealer.builder(platform.publicKey()).appMark("TJ_HCP_1").appWord(APP_WORD).clock(clock).build();
        EnvelopeOpener opener = EnvelopeOpener.builder(platform).app("TJ_HCP_1", APP_WORD).clock(clock).build();
        NationalEnvelope envelope = sealer.seal(body);
        OpenedEnvelope opened = opener.open(envelope);
        assertThat(opened.recordsText()).contains(NAME);
        attempt(() -> opener.open(envelope));
        attempt(() -> EnvelopeOpener.builder(platform).app("TJ_HCP_1", "other-word").clock(clock).build().open(envelope));
        attempt(() -> opener.open(new NationalEnvelope("TJ_HCP_2", envelope.time(), envelope.sign(), envelope.data())));
        attempt(() -> NationalEnvelope.fromJson("{\"appMark\":\"" + NAME + "\"}"));
        show(sealer, opener, envelope, opened);
        return secrets;
    }
}
