package org.haochaping.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.SignatureAlgorithm;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipt codes between the SDK's SM2 signer and verifier and OpenSSL 3, both ways, with key files OpenSSL
 * made: OpenSSL checks the SDK's codes, and the SDK accepts codes built from the spec's grammar alone and
 * signed by OpenSSL.
 */
class ReceiptCodeOpensslTest {

    private static final String SM2_SM3 = SignatureAlgorithm.SM2_SM3.wireName();
    private static final Instant NOW = Instant.parse("2025-11-03T02:15:30Z");

    @TempDir
    static Path dir;
    static Path privatePem;
    static Path publicPem;
    static PublicKeyMaterial publicKey;
    static String keyId;

    @BeforeAll
    static void opensslKeys() throws IOException {
        Path[] files = Openssl.generateSm2Key(dir, "issuer");
        privatePem = files[0];
        publicPem = files[1];
        publicKey = PemKeys.publicKey(publicPem);
        keyId = publicKey.defaultKeyId();
    }

    @Test
    void bothHalvesOfAnOpensslKeyGiveTheSameDefaultKeyId() throws IOException {
        PrivateKeyMaterial privateKey = PemKeys.privateKey(privatePem);
        assertThat(privateKey.publicKey()).isEqualTo(publicKey);
        assertThat(Sm2Signer.builder(privateKey).build().keyId()).isEqualTo(keyId)
                .isEqualTo(Openssl.sm3OfPublicKey(publicPem, dir).substring(0, 16));
    }

    @Test
    void opensslVerifiesTheSignatureOfCodesTheSdkIssues() throws IOException {
        ReceiptCodeIssuer issuer = ReceiptCodeIssuer.builder(Sm2Signer.builder(PemKeys.privateKey(privatePem)).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        ReceiptCase[] cases = {
            ReceiptCase.builder().caseNumber("TJ20251103000123").itemCode("11120000000000000X3000117001")
                    .windowCode("A12").staffNumber("0231").build(),
            ReceiptCase.builder().caseNumber("津南2025第0001号").itemCode("不动产登记-首次").build(),
            ReceiptCase.builder().caseNumber("C".repeat(50)).itemCode("I".repeat(60)).staffNumber("工号 7").build(),
        };
        for (ReceiptCase receiptCase : cases) {
            ReceiptCodeGrammar code = ReceiptCodeGrammar.parse(issuer.issue(receiptCase).text());
            assertThat(code.fields).containsEntry("keyId", keyId).containsEntry("caseNumber", receiptCase.caseNumber());
            byte[] signed = code.signedBytes(SM2_SM3);
            assertThat(Openssl.verify(publicPem, signed, code.signature, dir)).as("OpenSSL verifies %s", receiptCase)
                    .isTrue();

            byte[] tampered = signed.clone();
            tampered[tampered.length - 1] ^= 1;
            assertThat(Openssl.verify(publicPem, tampered, code.signature, dir)).isFalse();
            assertThat(Openssl.verify(publicPem, code.signedBytes("SM2-SM3-OTHER"), code.signature, dir))
                    .as("the algorithm name is signed").isFalse();
        }
    }

    @Test
    void theSdkAcceptsACodeBuiltFromTheSpecAndSignedByOpenssl() throws IOException {
        long issued = NOW.getEpochSecond();
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] body = ReceiptCodeGrammar.body(issued, issued + 3600, nonce, keyId, "TJ20251103000123",
                "11120000000000000X3000117001", "A12", null);
        byte[] signature = Openssl.sign(privatePem, ReceiptCodeGrammar.signedBytes(SM2_SM3, body), dir);
        String text = ReceiptCodeGrammar.text(EvaluationPage.DEFAULT_URL, body, signature);

        ReceiptCodeVerifier verifier = verifier(Sm2Verifier.builder().key(keyId, publicKey).build());
        ReceiptCode code = verifier.verify(text);
        assertThat(code.receiptCase()).isEqualTo(ReceiptCase.builder().caseNumber("TJ20251103000123")
                .itemCode("11120000000000000X3000117001").windowCode("A12").build());
        assertThat(code.keyId()).isEqualTo(keyId);
        assertThat(code.nonce()).isEqualTo("0102030405060708");
        assertThat(code.expiresAt()).isEqualTo(NOW.plusSeconds(3600));

        // OpenSSL's signature of other bytes, under the right key: refused as a bad signature.
        byte[] otherBody = ReceiptCodeGrammar.body(issued, issued + 3600, nonce, keyId, "TJ20251103000124",
                "11120000000000000X3000117001", "A12", null);
        assertThatThrownBy(() -> verifier.verify(ReceiptCodeGrammar.text(EvaluationPage.DEFAULT_URL, otherBody, signature)))
                .isInstanceOf(BadSignatureException.class);
        // A signature that is not DER: refused the same way, and the verifier keeps working afterwards.
        byte[] notDer = {0x30, 0x02, 0x01};
        assertThatThrownBy(() -> verifier.verify(ReceiptCodeGrammar.text(EvaluationPage.DEFAULT_URL, body, notDer)))
                .isInstanceOf(BadSignatureException.class);
        assertThat(verifier.verify(text).keyId()).isEqualTo(keyId);
    }

    @Test
    void aCodeSignedByAnotherKeyOrNamingAnUnknownKeyIsRefused() throws IOException {
        Path[] other = Openssl.generateSm2Key(dir, "other");
        long issued = NOW.getEpochSecond();
        byte[] body = ReceiptCodeGrammar.body(issued, issued + 3600, new byte[8], keyId, "C-1", "I-1", null, null);
        byte[] byOtherKey = Openssl.sign(other[0], ReceiptCodeGrammar.signedBytes(SM2_SM3, body), dir);
        ReceiptCodeVerifier verifier = verifier(Sm2Verifier.builder().key(keyId, publicKey).build());
        assertThatThrownBy(() -> verifier.verify(ReceiptCodeGrammar.text(EvaluationPage.DEFAULT_URL, body, byOtherKey)))
                .isInstanceOf(BadSignatureException.class).hasMessageContaining(keyId);

        byte[] rightSignature = Openssl.sign(privatePem, ReceiptCodeGrammar.signedBytes(SM2_SM3, body), dir);
        ReceiptCodeVerifier otherKeysOnly = verifier(Sm2Verifier.builder()
                .key(PemKeys.publicKey(other[1]).defaultKeyId(), PemKeys.publicKey(other[1])).build());
        assertThatThrownBy(() -> otherKeysOnly.verify(ReceiptCodeGrammar.text(EvaluationPage.DEFAULT_URL, body, rightSignature)))
                .as("unknown key id").isInstanceOf(BadSignatureException.class);
    }

    private static ReceiptCodeVerifier verifier(Sm2Verifier sm2) {
        return ReceiptCodeVerifier.builder(sm2).clock(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC)).build();
    }
}
