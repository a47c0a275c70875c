package org.haochaping.crypto.vectors;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.OpenSsl;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;

/**
 * Writes the language-neutral vector files of the conformance kit. Valid SM2 signatures, SM4-CBC/ECB
 * ciphertexts and HMAC-SM3 tags come from OpenSSL 3 (an implementation independent of the SDK), the
 * others from the national standards and RFC 8998; invalid cases are derived by the mutations named in
 * each test's comment and flags. The SDK is not used to compute any expected value, only to write the
 * standard's key as PKCS#8 for OpenSSL. Vectors are committed; {@code VectorFilesTest} checks them.
 *
 * <p>Regenerate (only when adding cases; valid signatures are randomised and change every run):
 * <pre>mvn -B -q -pl sdk-core -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.haochaping.crypto.vectors.VectorGenerator \
 *   -Dexec.args=sdk-conformance/src/main/resources/vectors</pre>
 */
public final class VectorGenerator {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final BigInteger N = GMNamedCurves.getByName("sm2p256v1").getN();
    static final String DEFAULT_ID = "1234567812345678";
    static final String ANNEX_D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    static final String ANNEX_PUB = "0409F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
            + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    static final String ANNEX_R = "f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3";
    static final String ANNEX_S = "b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa";

    private final Path work;
    private int tcId;

    private VectorGenerator(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : "sdk-conformance/src/main/resources/vectors");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("hcp-vectors");
        VectorGenerator generator = new VectorGenerator(work);
        write(out.resolve("sm2_sm3_verify_test.json"), generator.sm2());
        write(out.resolve("sm4_test.json"), generator.sm4());
        write(out.resolve("hmac_sm3_test.json"), generator.hmacSm3());
        System.out.println("vectors written to " + out.toAbsolutePath());
    }

    static void write(Path file, ObjectNode root) throws IOException {
        Files.write(file, (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode file(String algorithm, String schema, String... header) {
        ObjectNode root = JSON.createObjectNode();
        root.put("algorithm", algorithm);
        root.put("schema", schema);
        root.put("generatorVersion", "hcp-sdk 0.1.0");
        root.put("numberOfTests", 0);
        ArrayNode h = root.putArray("header");
        for (String line : header) {
            h.add(line);
        }
        root.putObject("notes");
        root.putArray("testGroups");
        return root;
    }

    static void note(ObjectNode root, String flag, String text) {
        ((ObjectNode) root.get("notes")).put(flag, text);
    }

    ObjectNode test(ArrayNode tests, String comment, String section, String result, String... flags) {
        ObjectNode t = tests.addObject();
        t.put("tcId", ++tcId);
        t.put("comment", comment);
        t.put("specSection", section);
        t.put("result", result);
        ArrayNode f = t.putArray("flags");
        for (String flag : flags) {
            f.add(flag);
        }
        return t;
    }

    // ---------------------------------------------------------------- SM2

    ObjectNode sm2() throws IOException {
        tcId = 0;
        ObjectNode root = file("SM2-SM3", "sm2_verify_schema.json",
                "SM2 signature verification with SM3 and a signer ID (GB/T 32918.2-2016, GM/T 0009-2012) on sm2p256v1.",
                "Expected results: the GB/T 32918.5-2017 Annex A example, signatures made by OpenSSL 3 (pkeyutl -rawin -digest sm3),",
                "and mutations of those. Messages, keys, IDs and signatures are hex. 'signerId' is the hex of the ID bytes.");
        note(root, "Standard", "Published example of GB/T 32918.5-2017 Annex A.");
        note(root, "OpenSsl", "Signature made by OpenSSL 3.");
        note(root, "ModifiedMessage", "A valid signature over a different message.");
        note(root, "ModifiedSignature", "r or s changed to another value in range.");
        note(root, "WrongId", "Signature made with a different signer ID; Z differs.");
        note(root, "RangeCheck", "r or s is 0, n or larger: must be refused without curve arithmetic.");
        note(root, "InvalidEncoding", "Not the encoding of the group (wrong length, BER, extra bytes, negative INTEGER).");
        ArrayNode groups = (ArrayNode) root.get("testGroups");

        byte[] annexMsg = "message digest".getBytes(StandardCharsets.US_ASCII);
        BigInteger r = new BigInteger(ANNEX_R, 16);
        BigInteger s = new BigInteger(ANNEX_S, 16);

        // Group 1: the standard's example, raw r || s.
        ArrayNode raw = group(groups, ANNEX_PUB, DEFAULT_ID, "RAW");
        test(raw, "GB/T 32918.5 Annex A signature example", "GB/T 32918.5-2017 Annex A", "valid", "Standard")
                .put("msg", hex(annexMsg)).put("sig", ANNEX_R + ANNEX_S);
        test(raw, "message with last byte changed", "GB/T 32918.2-2016 7.1", "invalid", "ModifiedMessage")
                .put("msg", hex("message digesT".getBytes(StandardCharsets.US_ASCII))).put("sig", ANNEX_R + ANNEX_S);
        test(raw, "empty message", "GB/T 32918.2-2016 7.1", "invalid", "ModifiedMessage").put("msg", "").put("sig", ANNEX_R + ANNEX_S);
        test(raw, "r + 1", "GB/T 32918.2-2016 7.1", "invalid", "ModifiedSignature").put("msg", hex(annexMsg)).put("sig", rawSig(r.add(BigInteger.ONE), s));
        test(raw, "s + 1", "GB/T 32918.2-2016 7.1", "invalid", "ModifiedSignature").put("msg", hex(annexMsg)).put("sig", rawSig(r, s.add(BigInteger.ONE)));
        test(raw, "r and s swapped", "GB/T 32918.2-2016 7.1", "invalid", "ModifiedSignature").put("msg", hex(annexMsg)).put("sig", rawSig(s, r));
        test(raw, "n - s instead of s", "GB/T 32918.2-2016 7.1", "invalid", "ModifiedSignature").put("msg", hex(annexMsg)).put("sig", rawSig(r, N.subtract(s)));
        test(raw, "r = 0", "GB/T 32918.2-2016 7.1 B1", "invalid", "RangeCheck").put("msg", hex(annexMsg)).put("sig", rawSig(BigInteger.ZERO, s));
        test(raw, "s = 0", "GB/T 32918.2-2016 7.1 B2", "invalid", "RangeCheck").put("msg", hex(annexMsg)).put("sig", rawSig(r, BigInteger.ZERO));
        test(raw, "r = n", "GB/T 32918.2-2016 7.1 B1", "invalid", "RangeCheck").put("msg", hex(annexMsg)).put("sig", rawSig(N, s));
        test(raw, "s = n", "GB/T 32918.2-2016 7.1 B2", "invalid", "RangeCheck").put("msg", hex(annexMsg)).put("sig", rawSig(r, N));
        test(raw, "r = n + 1 (fits 32 bytes, out of range)", "GB/T 32918.2-2016 7.1 B1", "invalid", "RangeCheck")
                .put("msg", hex(annexMsg)).put("sig", rawSig(N.add(BigInteger.ONE), s));
        test(raw, "63 bytes", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding").put("msg", hex(annexMsg)).put("sig", (ANNEX_R + ANNEX_S).substring(2));
        test(raw, "65 bytes", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding").put("msg", hex(annexMsg)).put("sig", "00" + ANNEX_R + ANNEX_S);
        test(raw, "empty signature", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding").put("msg", hex(annexMsg)).put("sig", "");

        // Group 2: the same, DER.
        ArrayNode der = group(groups, ANNEX_PUB, DEFAULT_ID, "DER");
        String good = derSig(r, s);
        test(der, "GB/T 32918.5 Annex A signature example, DER", "GM/T 0009-2012 7.3", "valid", "Standard").put("msg", hex(annexMsg)).put("sig", good);
        test(der, "raw r || s where DER is expected", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding").put("msg", hex(annexMsg)).put("sig", ANNEX_R + ANNEX_S);
        test(der, "BER long-form SEQUENCE length", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding")
                .put("msg", hex(annexMsg)).put("sig", "3081" + good.substring(2));
        test(der, "trailing zero byte", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding").put("msg", hex(annexMsg)).put("sig", good + "00");
        test(der, "r with a superfluous leading zero", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding")
                .put("msg", hex(annexMsg)).put("sig", derRaw("0022" + "0000" + ANNEX_R, "022100" + ANNEX_S));
        test(der, "r without the leading zero its high bit needs (negative INTEGER)", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding")
                .put("msg", hex(annexMsg)).put("sig", derRaw("0220" + ANNEX_R, "022100" + ANNEX_S));
        test(der, "SET instead of SEQUENCE", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding").put("msg", hex(annexMsg)).put("sig", "31" + good.substring(2));
        test(der, "s missing", "GM/T 0009-2012 7.3", "invalid", "InvalidEncoding").put("msg", hex(annexMsg)).put("sig", derRaw("022100" + ANNEX_R, ""));
        test(der, "r = 0, DER", "GB/T 32918.2-2016 7.1 B1", "invalid", "RangeCheck").put("msg", hex(annexMsg)).put("sig", derSig(BigInteger.ZERO, s));
        test(der, "s = n, DER", "GB/T 32918.2-2016 7.1 B2", "invalid", "RangeCheck").put("msg", hex(annexMsg)).put("sig", derSig(r, N));
        test(der, "r = -r, DER", "GB/T 32918.2-2016 7.1 B1", "invalid", "RangeCheck").put("msg", hex(annexMsg)).put("sig", derSig(r.negate(), s));

        // Group 3 and 4: the standard's key signed by OpenSSL with a custom ID; the default ID must refuse it.
        PrivateKeyMaterial annexKey = BouncyCastleKeys.privateKey(new ECPrivateKeyParameters(new BigInteger(ANNEX_D, 16),
                ((ECPrivateKeyParameters) BouncyCastleKeys.parameters(PrivateKeyMaterial.generateSm2())).getParameters()));
        Files.write(work.resolve("annex.pem"), annexKey.exportPkcs8Pem().getBytes(StandardCharsets.US_ASCII));
        String alice = "ALICE123@YAHOO.COM";
        ArrayNode custom = group(groups, ANNEX_PUB, alice, "DER");
        ArrayNode defaultForCustom = group(groups, ANNEX_PUB, DEFAULT_ID, "DER");
        for (String text : new String[] {"message digest", "projectNo=TJ-2025-0001&satisfaction=5"}) {
            byte[] msg = text.getBytes(StandardCharsets.UTF_8);
            String sig = opensslSign("annex.pem", msg, alice);
            test(custom, "OpenSSL signature with signer ID " + alice, "GM/T 0009-2012 5.5", "valid", "OpenSsl").put("msg", hex(msg)).put("sig", sig);
            test(defaultForCustom, "signature made with ID " + alice + ", checked with the default ID", "GM/T 0009-2012 5.5", "invalid", "WrongId")
                    .put("msg", hex(msg)).put("sig", sig);
        }

        // Group 5: a fresh OpenSSL key, assorted messages.
        OpenSsl.run(work, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "fresh.pem").requireSuccess();
        String freshPub = publicPoint(PemKeys.privateKey(work.resolve("fresh.pem")));
        ArrayNode fresh = group(groups, freshPub, DEFAULT_ID, "DER");
        byte[][] messages = {
            new byte[0],
            "a".getBytes(StandardCharsets.US_ASCII),
            "[{\"projectNo\":\"TJ-2025-0001\",\"satisfaction\":\"5\",\"userName\":\"张三\"}]".getBytes(StandardCharsets.UTF_8),
            repeat((byte) 0x5a, 1000),
        };
        String[] names = {"empty message", "one byte", "UTF-8 JSON record", "1000 bytes"};
        for (int i = 0; i < messages.length; i++) {
            String sig = opensslSign("fresh.pem", messages[i], DEFAULT_ID);
            test(fresh, "OpenSSL signature, " + names[i], "GB/T 32918.2-2016 6.1", "valid", "OpenSsl").put("msg", hex(messages[i])).put("sig", sig);
            byte[] changed = messages[i].length == 0 ? new byte[] {0} : messages[i].clone();
            changed[changed.length - 1] ^= 0x01;
            test(fresh, "OpenSSL signature, " + names[i] + ", message changed", "GB/T 32918.2-2016 7.1", "invalid", "ModifiedMessage")
                    .put("msg", hex(changed)).put("sig", sig);
        }
        root.put("numberOfTests", tcId);
        return root;
    }

    ArrayNode group(ArrayNode groups, String publicKey, String signerId, String encoding) {
        ObjectNode g = groups.addObject();
        g.put("type", "Sm2SignatureVerify");
        g.put("publicKey", publicKey.toLowerCase());
        g.put("signerId", hex(signerId.getBytes(StandardCharsets.UTF_8)));
        g.put("signerIdText", signerId);
        g.put("sigEncoding", encoding);
        return g.putArray("tests");
    }

    String opensslSign(String key, byte[] msg, String id) {
        return hex(OpenSsl.run(work, msg, "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", key, "-pkeyopt", "distid:" + id)
                .requireSuccess().stdout);
    }

    static String publicPoint(PrivateKeyMaterial key) {
        byte[] spki = key.publicKey().encoded();
        return hex(Arrays.copyOfRange(spki, spki.length - 65, spki.length));
    }

    static String rawSig(BigInteger r, BigInteger s) {
        return hex(BigIntegers.asUnsignedByteArray(32, r)) + hex(BigIntegers.asUnsignedByteArray(32, s));
    }

    static String derSig(BigInteger r, BigInteger s) {
        return derRaw(derInt(r), derInt(s));
    }

    static String derInt(BigInteger v) {
        byte[] b = v.toByteArray();
        return "02" + String.format("%02x", b.length) + hex(b);
    }

    static String derRaw(String rTlv, String sTlv) {
        int length = (rTlv.length() + sTlv.length()) / 2;
        return "30" + String.format("%02x", length) + rTlv + sTlv;
    }

    // ---------------------------------------------------------------- SM4

    ObjectNode sm4() throws IOException {
        tcId = 0;
        ObjectNode root = file("SM4", "sm4_cipher_schema.json",
                "SM4 (GB/T 32907-2016) in the modes of the SDK's field encryption. Hex fields.",
                "GCM (RFC 8998): iv is the 12-byte nonce, ct excludes the 16-byte tag; the SDK's wire form is iv || ct || tag.",
                "CBC and ECB use PKCS#7 padding; the SDK's CBC wire form is iv || ct, ECB is ct. ECB is legacy only.",
                "Expected values: GB/T 32907 Annex A, RFC 8998 Appendix A.1, OpenSSL 3 (enc -sm4-cbc / -sm4-ecb), Bouncy Castle for extra GCM cases.");
        note(root, "Standard", "Published example (GB/T 32907-2016 Annex A or RFC 8998 Appendix A.1).");
        note(root, "OpenSsl", "Ciphertext made by OpenSSL 3.");
        note(root, "BouncyCastle", "Ciphertext made by Bouncy Castle's lightweight SM4Engine (no independent SM4-GCM in OpenSSL's command line).");
        note(root, "ModifiedTag", "Authentication tag changed: must be refused.");
        note(root, "ModifiedCiphertext", "Ciphertext changed.");
        note(root, "ModifiedAad", "Associated data changed.");
        note(root, "BadPadding", "Decrypts to an invalid PKCS#7 padding.");
        note(root, "InvalidLength", "Ciphertext length is not a whole number of blocks.");
        ArrayNode groups = (ArrayNode) root.get("testGroups");

        // GCM
        ArrayNode gcm = sm4Group(groups, "GCM");
        String rfcKey = "0123456789abcdeffedcba9876543210";
        String rfcIv = "00001234567800000000abcd";
        String rfcAad = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
        String rfcMsg = "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa";
        String rfcCt = "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d";
        String rfcTag = "83de3541e4c2b58177e065a9bf7b62ec";
        gcmTest(gcm, "RFC 8998 A.1 SM4-GCM example", "RFC 8998 Appendix A.1", "valid", rfcKey, rfcIv, rfcAad, rfcMsg, rfcCt, rfcTag, "Standard");
        gcmTest(gcm, "tag with last bit flipped", "RFC 8998 3.1", "invalid", rfcKey, rfcIv, rfcAad, rfcMsg, rfcCt, flipLast(rfcTag), "ModifiedTag");
        gcmTest(gcm, "ciphertext with first bit flipped", "RFC 8998 3.1", "invalid", rfcKey, rfcIv, rfcAad, rfcMsg, flipFirst(rfcCt), rfcTag, "ModifiedCiphertext");
        gcmTest(gcm, "associated data changed", "RFC 8998 3.1", "invalid", rfcKey, rfcIv, flipLast(rfcAad), rfcMsg, rfcCt, rfcTag, "ModifiedAad");
        gcmTest(gcm, "tag truncated to 12 bytes", "RFC 8998 3.1", "invalid", rfcKey, rfcIv, rfcAad, rfcMsg, rfcCt, rfcTag.substring(0, 24), "ModifiedTag");
        String[][] extra = {
            {"8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e", "0f1e2d3c4b5a69788796a5b4", "", hex("12010119900307123X".getBytes(StandardCharsets.US_ASCII))},
            {"8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e", "a1b2c3d4e5f60718293a4b5c", hex("userCert".getBytes(StandardCharsets.US_ASCII)), hex("12010119900307123X".getBytes(StandardCharsets.US_ASCII))},
            {"00112233445566778899aabbccddeeff", "000000000000000000000001", "", ""},
            {"00112233445566778899aabbccddeeff", "cafebabefacedbaddecaf888", hex("mobile".getBytes(StandardCharsets.US_ASCII)), hex("张三 13800138000".getBytes(StandardCharsets.UTF_8))},
        };
        String[] comments = {"certificate number, no AAD", "certificate number bound to its field name", "empty plaintext, empty AAD", "UTF-8 name and mobile"};
        for (int i = 0; i < extra.length; i++) {
            String[] ctTag = gcmEncrypt(extra[i][0], extra[i][1], extra[i][2], extra[i][3]);
            gcmTest(gcm, comments[i], "RFC 8998 3.1", "valid", extra[i][0], extra[i][1], extra[i][2], extra[i][3], ctTag[0], ctTag[1], "BouncyCastle");
        }
        String[] swapped = gcmEncrypt(extra[1][0], extra[1][1], extra[1][2], extra[1][3]);
        gcmTest(gcm, "certificate number presented under another field name", "RFC 8998 3.1", "invalid",
                extra[1][0], extra[1][1], hex("mobile".getBytes(StandardCharsets.US_ASCII)), extra[1][3], swapped[0], swapped[1], "ModifiedAad");

        // CBC
        ArrayNode cbc = sm4Group(groups, "CBC");
        String[][] cbcCases = {
            {"0123456789abcdeffedcba9876543210", "000102030405060708090a0b0c0d0e0f", "0123456789abcdeffedcba9876543210", "one full block: a whole padding block follows"},
            {"8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e", "f0e0d0c0b0a090807060504030201000", hex("13800138000".getBytes(StandardCharsets.US_ASCII)), "mobile number, 11 bytes"},
            {"8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e", "00000000000000000000000000000000", "", "empty plaintext: one padding block"},
            {"fedcba98765432100123456789abcdef", "1234567890abcdef1234567890abcdef", hex("张三丰".getBytes(StandardCharsets.UTF_8)), "UTF-8 name"},
        };
        for (String[] c : cbcCases) {
            String ct = opensslEnc("-sm4-cbc", c[0], c[1], c[2]);
            cipherTest(cbc, c[3], "GB/T 17964-2021 (CBC), GB/T 32907-2016", "valid", c[0], c[1], c[2], ct, "OpenSsl");
        }
        String badPadCt = badPaddingCiphertext(true, cbcCases[1][0], cbcCases[1][1]);
        cipherTest(cbc, "last block decrypts to invalid padding", "RFC 5652 6.3 (PKCS#7 padding)", "invalid", cbcCases[1][0], cbcCases[1][1], "", badPadCt, "BadPadding");
        String goodCbc = opensslEnc("-sm4-cbc", cbcCases[1][0], cbcCases[1][1], cbcCases[1][2]);
        cipherTest(cbc, "ciphertext truncated by one byte", "GB/T 17964-2021", "invalid", cbcCases[1][0], cbcCases[1][1], "", goodCbc.substring(2), "InvalidLength");

        // ECB (legacy)
        ArrayNode ecb = sm4Group(groups, "ECB");
        String standardCt = opensslEnc("-sm4-ecb", rfcKey, null, rfcKey);
        if (!standardCt.startsWith("681edf34d206965e86b3e94f536e4246")) {
            throw new IllegalStateException("OpenSSL disagrees with GB/T 32907 Annex A");
        }
        cipherTest(ecb, "GB/T 32907 Annex A example 1 (first block) plus the padding block", "GB/T 32907-2016 Annex A", "valid",
                rfcKey, null, rfcKey, standardCt, "Standard", "OpenSsl");
        String certNo = hex("12010119900307123X".getBytes(StandardCharsets.US_ASCII));
        cipherTest(ecb, "certificate number, 18 bytes", "GB/T 32907-2016", "valid", "8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e", null, certNo,
                opensslEnc("-sm4-ecb", "8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e", null, certNo), "OpenSsl");
        cipherTest(ecb, "last block decrypts to invalid padding", "RFC 5652 6.3 (PKCS#7 padding)", "invalid", "8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e", null, "",
                badPaddingCiphertext(false, "8a3c5e7f9b1d2f4a6c8e0b2d4f6a8c0e", null), "BadPadding");
        cipherTest(ecb, "15-byte ciphertext", "GB/T 32907-2016", "invalid", rfcKey, null, "", standardCt.substring(0, 30), "InvalidLength");
        root.put("numberOfTests", tcId);
        return root;
    }

    ArrayNode sm4Group(ArrayNode groups, String mode) {
        ObjectNode g = groups.addObject();
        g.put("type", mode.equals("GCM") ? "AeadTest" : "IndCpaTest");
        g.put("mode", mode);
        g.put("keySize", 128);
        if (mode.equals("GCM")) {
            g.put("ivSize", 96);
            g.put("tagSize", 128);
        } else if (mode.equals("CBC")) {
            g.put("ivSize", 128);
        }
        return g.putArray("tests");
    }

    void gcmTest(ArrayNode tests, String comment, String section, String result, String key, String iv, String aad, String msg,
            String ct, String tag, String... flags) {
        test(tests, comment, section, result, flags).put("key", key).put("iv", iv).put("aad", aad).put("msg", msg).put("ct", ct).put("tag", tag);
    }

    void cipherTest(ArrayNode tests, String comment, String section, String result, String key, String iv, String msg, String ct, String... flags) {
        ObjectNode t = test(tests, comment, section, result, flags).put("key", key);
        if (iv != null) {
            t.put("iv", iv);
        }
        t.put("msg", msg).put("ct", ct);
    }

    String opensslEnc(String cipher, String key, String iv, String msgHex) {
        List<String> args = new ArrayList<>(List.of("enc", cipher, "-K", key));
        if (iv != null) {
            args.add("-iv");
            args.add(iv);
        }
        return hex(OpenSsl.run(work, Hex.decode(msgHex), args.toArray(new String[0])).requireSuccess().stdout);
    }

    static String[] gcmEncrypt(String key, String iv, String aad, String msg) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(Hex.decode(key)), 128, Hex.decode(iv), Hex.decode(aad)));
        byte[] in = Hex.decode(msg);
        byte[] out = new byte[gcm.getOutputSize(in.length)];
        int n = gcm.processBytes(in, 0, in.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        String all = hex(out);
        return new String[] {all.substring(0, all.length() - 32), all.substring(all.length() - 32)};
    }

    /** A one-block ciphertext whose decryption ends in a byte that is not valid PKCS#7 padding (0x00). */
    static String badPaddingCiphertext(boolean cbc, String key, String iv) {
        byte[] block = new byte[16];
        block[15] = 0x00;
        SM4Engine engine = new SM4Engine();
        if (cbc) {
            byte[] ivBytes = Hex.decode(iv);
            for (int i = 0; i < 16; i++) {
                block[i] ^= ivBytes[i];
            }
        }
        engine.init(true, new KeyParameter(Hex.decode(key)));
        byte[] out = new byte[16];
        engine.processBlock(block, 0, out, 0);
        // Sanity: Bouncy Castle must reject it.
        PaddedBufferedBlockCipher check = cbc
                ? new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()), new PKCS7Padding())
                : new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding());
        check.init(false, cbc ? new ParametersWithIV(new KeyParameter(Hex.decode(key)), Hex.decode(iv)) : new KeyParameter(Hex.decode(key)));
        byte[] plain = new byte[32];
        try {
            int n = check.processBytes(out, 0, 16, plain, 0);
            check.doFinal(plain, n);
            throw new IllegalStateException("padding unexpectedly valid");
        } catch (InvalidCipherTextException expected) {
            return hex(out);
        }
    }

    // ---------------------------------------------------------------- HMAC-SM3

    ObjectNode hmacSm3() throws IOException {
        tcId = 0;
        ObjectNode root = file("HMAC-SM3", "hmac_schema.json",
                "HMAC (RFC 2104, GB/T 15852.2-2012 MAC algorithm 2) with SM3 (GB/T 32905-2016). Hex fields; tags are 32 bytes.",
                "Expected tags made by OpenSSL 3 (openssl mac -digest SM3 HMAC). The SDK refuses secrets shorter than 16 bytes,",
                "so every key here is at least 16 bytes; keys longer than the 64-byte SM3 block are hashed first (RFC 2104 2).");
        note(root, "OpenSsl", "Tag made by OpenSSL 3.");
        note(root, "LongKey", "Key longer than the SM3 block size (64 bytes).");
        note(root, "ModifiedTag", "Tag changed: must be refused.");
        note(root, "TruncatedTag", "Tag shorter than 32 bytes: must be refused.");
        ArrayNode groups = (ArrayNode) root.get("testGroups");
        ObjectNode g = groups.addObject();
        g.put("type", "MacTest");
        g.put("keySize", 0);
        g.put("tagSize", 256);
        g.remove("keySize");
        ArrayNode tests = g.putArray("tests");
        String[][] cases = {
            {hex(repeat((byte) 0x0b, 20)), hex("Hi There".getBytes(StandardCharsets.US_ASCII)), "RFC 4231 test case 1 inputs"},
            {hex("shared-secret-of-the-platform-0001".getBytes(StandardCharsets.US_ASCII)), "", "empty message"},
            {hex("shared-secret-of-the-platform-0001".getBytes(StandardCharsets.US_ASCII)),
                hex("HCP1-HMAC-SM3\nREQUEST\nPOST\n/v1/evaluations\n".getBytes(StandardCharsets.US_ASCII)), "canonical-string prefix"},
            {"000102030405060708090a0b0c0d0e0f", hex("好差评".getBytes(StandardCharsets.UTF_8)), "16-byte key, UTF-8 message"},
            {hex(repeat((byte) 0xaa, 64)), hex(repeat((byte) 0xdd, 50)), "64-byte key (exactly one block)"},
            {hex(repeat((byte) 0xaa, 131)), hex("Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)), "131-byte key"},
        };
        String firstTag = null;
        for (String[] c : cases) {
            Path msgFile = work.resolve("mac-" + tcId + ".bin");
            Files.write(msgFile, Hex.decode(c[1]));
            String tag = hex(OpenSsl.run(work, "mac", "-digest", "SM3", "-macopt", "hexkey:" + c[0], "-in", msgFile.getFileName().toString(),
                    "-binary", "HMAC").requireSuccess().stdout);
            boolean longKey = c[0].length() / 2 > 64;
            test(tests, c[2], "GB/T 15852.2-2012 / RFC 2104", "valid", longKey ? new String[] {"OpenSsl", "LongKey"} : new String[] {"OpenSsl"})
                    .put("key", c[0]).put("msg", c[1]).put("tag", tag);
            if (firstTag == null) {
                firstTag = tag;
            }
        }
        test(tests, "tag with last bit flipped", "RFC 2104", "invalid", "ModifiedTag").put("key", cases[0][0]).put("msg", cases[0][1]).put("tag", flipLast(firstTag));
        test(tests, "tag truncated to 16 bytes", "RFC 2104 5", "invalid", "TruncatedTag").put("key", cases[0][0]).put("msg", cases[0][1]).put("tag", firstTag.substring(0, 32));
        test(tests, "empty tag", "RFC 2104 5", "invalid", "TruncatedTag").put("key", cases[0][0]).put("msg", cases[0][1]).put("tag", "");
        test(tests, "tag of another message", "RFC 2104", "invalid", "ModifiedTag").put("key", cases[0][0]).put("msg", hex("Hi There!".getBytes(StandardCharsets.US_ASCII))).put("tag", firstTag);
        root.put("numberOfTests", tcId);
        return root;
    }

    // ---------------------------------------------------------------- helpers

    static String hex(byte[] bytes) {
        return Hex.toHexString(bytes);
    }

    static byte[] repeat(byte b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, b);
        return out;
    }

    static String flipLast(String hex) {
        byte[] b = Hex.decode(hex);
        b[b.length - 1] ^= 0x01;
        return hex(b);
    }

    static String flipFirst(String hex) {
        byte[] b = Hex.decode(hex);
        b[0] ^= (byte) 0x80;
        return hex(b);
    }
}
