package org.haochaping.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.bouncycastle.util.test.TestRandomBigInteger;
import org.haochaping.crypto.cipher.Sm2CiphertextLayout;
import org.haochaping.crypto.cipher.Sm2Decryptor;
import org.haochaping.crypto.cipher.Sm2Encryptor;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.SignatureEncoding;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;

/**
 * The example values published in the national standards, run through the SDK's own classes:
 * GB/T 32905 (SM3) Annex A, GB/T 32907 (SM4) Annex A, GB/T 32918.5 (SM2 on the recommended curve)
 * Annex A signature and encryption examples, and RFC 8998 Appendix A.1 for SM4-GCM.
 */
class StandardVectorsTest {

    // GB/T 32918.5-2017 Annex A (also GM/T 0003.5-2012): key, ID, message and nonce k.
    static final String D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    static final String PUB_X = "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020";
    static final String PUB_Y = "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    static final String K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    static final String R = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
    static final String S = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";
    // Encryption example: C1 = (x1, y1), C3, C2 for the message "encryption standard".
    static final String C1_X = "04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73";
    static final String C1_Y = "E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0";
    static final String C3 = "59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766";
    static final String C2 = "21886CA989CA9C7D58087307CA93092D651EFA";

    static PrivateKeyMaterial standardKey() {
        PrivateKeyMaterial generated = PrivateKeyMaterial.generateSm2();
        ECPrivateKeyParameters template = (ECPrivateKeyParameters) BouncyCastleKeys.parameters(generated);
        return BouncyCastleKeys.privateKey(new ECPrivateKeyParameters(new BigInteger(D, 16), template.getParameters()));
    }

    @Test
    void sm3AnnexAExamples() {
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Sm3.hex("abcd".repeat(16))).isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sm4AnnexAExampleThroughTheFieldCipher() {
        byte[] keyAndPlain = Hex.decode("0123456789abcdeffedcba9876543210");
        // ECB of one block plus a full PKCS#7 padding block: the first block is the standard's value.
        byte[] ciphertext = Sm4FieldCipher.legacyEcb(keyAndPlain).encrypt(keyAndPlain);
        assertThat(Hex.toHexString(ciphertext, 0, 16)).isEqualTo("681edf34d206965e86b3e94f536e4246");
        assertThat(Sm4FieldCipher.legacyEcb(keyAndPlain).decrypt(ciphertext)).isEqualTo(keyAndPlain);
    }

    @Test
    void sm4AnnexAMillionIterations() {
        // Example 2 of GB/T 32907 Annex A: encrypt 1,000,000 times with the same key.
        byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
        byte[] block = key.clone();
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        for (int i = 0; i < 1_000_000; i++) {
            engine.processBlock(block, 0, block, 0);
        }
        assertThat(Hex.toHexString(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void sm4GcmRfc8998Example() {
        byte[] key = Hex.decode("0123456789ABCDEFFEDCBA9876543210");
        byte[] nonce = Hex.decode("00001234567800000000ABCD");
        byte[] aad = Hex.decode("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plaintext = Hex.decode("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        byte[] ciphertext = Hex.decode("17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D");
        byte[] tag = Hex.decode("83DE3541E4C2B58177E065A9BF7B62EC");
        byte[] wire = org.bouncycastle.util.Arrays.concatenate(nonce, ciphertext, tag);
        assertThat(Sm4FieldCipher.gcm(key).decrypt(wire, aad)).isEqualTo(plaintext);
    }

    @Test
    void sm2SignatureAnnexAVerifies() {
        PrivateKeyMaterial key = standardKey();
        assertThat(Hex.toHexString(key.publicKey().encoded())).endsWith((PUB_X + PUB_Y).toLowerCase());
        Sm2Verifier verifier = Sm2Verifier.builder().encoding(SignatureEncoding.RAW).key("annex-a", key.publicKey()).build();
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);
        assertThat(verifier.verify("annex-a", message, Hex.decode(R + S))).isTrue();
        assertThat(verifier.verify("annex-a", "message digesT".getBytes(StandardCharsets.US_ASCII), Hex.decode(R + S))).isFalse();
    }

    @Test
    void sm2SignatureAnnexAIsReproducedWithTheStandardsNonce() {
        Sm2Signer signer = Sm2Signer.builder(standardKey()).encoding(SignatureEncoding.RAW)
                .random(new TestRandomBigInteger(K, 16)).build();
        byte[] signature = signer.sign("message digest".getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.toHexString(signature)).isEqualToIgnoringCase(R + S);
    }

    @Test
    void sm2EncryptionAnnexADecryptsInEveryLayout() {
        Sm2Decryptor c1c3c2 = Sm2Decryptor.of(standardKey(), Sm2CiphertextLayout.C1C3C2);
        Sm2Decryptor c1c2c3 = Sm2Decryptor.of(standardKey(), Sm2CiphertextLayout.C1C2C3);
        Sm2Decryptor asn1 = Sm2Decryptor.of(standardKey(), Sm2CiphertextLayout.ASN1);
        String c1 = "04" + C1_X + C1_Y;
        byte[] expected = "encryption standard".getBytes(StandardCharsets.US_ASCII);
        assertThat(c1c3c2.decrypt(Hex.decode(c1 + C3 + C2))).isEqualTo(expected);
        assertThat(c1c2c3.decrypt(Hex.decode(c1 + C2 + C3))).isEqualTo(expected);
        // GM/T 0009 DER: SEQUENCE { INTEGER x, INTEGER y (leading 00: high bit set), OCTET STRING C3, OCTET STRING C2 }
        String der = "307C" + "0220" + C1_X + "022100" + C1_Y + "0420" + C3 + "0413" + C2;
        assertThat(asn1.decrypt(Hex.decode(der))).isEqualTo(expected);
        // C1 without the 04 prefix, as JavaScript sm-crypto writes it.
        assertThat(c1c3c2.decrypt(Hex.decode(C1_X + C1_Y + C3 + C2))).isEqualTo(expected);
    }

    @Test
    void sm2EncryptionAnnexAIsReproducedWithTheStandardsNonce() {
        byte[] plaintext = "encryption standard".getBytes(StandardCharsets.US_ASCII);
        byte[] c1c3c2 = Sm2Encryptor.of(standardKey().publicKey(), Sm2CiphertextLayout.C1C3C2, new TestRandomBigInteger(K, 16)).encrypt(plaintext);
        assertThat(Hex.toHexString(c1c3c2)).isEqualToIgnoringCase("04" + C1_X + C1_Y + C3 + C2);
        byte[] asn1 = Sm2Encryptor.of(standardKey().publicKey(), Sm2CiphertextLayout.ASN1, new TestRandomBigInteger(K, 16)).encrypt(plaintext);
        assertThat(Hex.toHexString(asn1)).isEqualToIgnoringCase("307C0220" + C1_X + "022100" + C1_Y + "0420" + C3 + "0413" + C2);
    }
}
