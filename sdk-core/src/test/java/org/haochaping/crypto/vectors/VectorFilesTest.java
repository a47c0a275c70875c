package org.haochaping.crypto.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.OpenSsl;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.HmacSigner;
import org.haochaping.crypto.sign.HmacVerifier;
import org.haochaping.crypto.sign.SignatureAlgorithm;
import org.haochaping.crypto.sign.SignatureEncoding;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the SDK against the conformance kit's language-neutral vectors
 * ({@code sdk-conformance/src/main/resources/vectors}), one dynamic test per vector, checks each file
 * against its schema, and asks OpenSSL for a second opinion on every DER SM2 vector.
 *
 * <p>Where the files are: the build passes their absolute path as the system property
 * {@code hcp.vectors.dir} (see sdk-core's pom), so the test does not depend on the working directory;
 * without it (an IDE run) it falls back to {@code ../sdk-conformance/...} from the module directory. A
 * missing directory fails the test rather than skipping it.
 */
class VectorFilesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path resources() {
        String configured = System.getProperty("hcp.vectors.dir");
        Path vectors = configured != null ? Paths.get(configured) : Paths.get("../sdk-conformance/src/main/resources/vectors");
        if (!Files.isDirectory(vectors)) {
            throw new AssertionError("vector directory not found: " + vectors.toAbsolutePath());
        }
        return vectors.toAbsolutePath().normalize().getParent();
    }

    static JsonNode read(String file) {
        try {
            return JSON.readTree(resources().resolve("vectors").resolve(file).toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read vector file " + file, e);
        }
    }

    static List<JsonNode> tests(JsonNode group) {
        List<JsonNode> out = new ArrayList<>();
        group.get("tests").forEach(out::add);
        return out;
    }

    static String name(JsonNode test) {
        return "tcId " + test.get("tcId").asInt() + " " + test.get("result").asText() + ": " + test.get("comment").asText();
    }

    static byte[] hex(JsonNode node, String field) {
        return Hex.decode(node.path(field).asText(""));
    }

    @Test
    void everyVectorFileMatchesItsSchemaAndCountsItsTests() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(resources().resolve("vectors"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("sm2_sm3_verify_test.json", "sm4_test.json", "hmac_sm3_test.json");
        for (Path file : files) {
            JsonNode document = JSON.readTree(file.toFile());
            Path schemaFile = resources().resolve("schemas").resolve(document.get("schema").asText());
            assertThat(schemaFile).as("schema of " + file.getFileName()).exists();
            assertThat(SchemaSubsetValidator.validate(JSON.readTree(schemaFile.toFile()), document)).as(file.getFileName().toString()).isEmpty();
            int count = 0;
            List<Integer> ids = new ArrayList<>();
            for (JsonNode group : document.get("testGroups")) {
                for (JsonNode test : group.get("tests")) {
                    count++;
                    ids.add(test.get("tcId").asInt());
                }
            }
            assertThat(document.get("numberOfTests").asInt()).isEqualTo(count);
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void schemaCheckerCatchesBrokenVectors() {
        JsonNode schema = read("../schemas/sm2_verify_schema.json");
        JsonNode broken = read("sm2_sm3_verify_test.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("testGroups").get(0).get("tests").get(0)).put("result", "maybe");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("testGroups").get(0)).remove("signerId");
        assertThat(SchemaSubsetValidator.validate(schema, broken)).hasSize(2);
    }

    @TestFactory
    Stream<DynamicTest> sm2SignatureVectors() {
        JsonNode file = read("sm2_sm3_verify_test.json");
        X9ECParameters x9 = CustomNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);
        ECNamedDomainParameters curve = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, x9);
        List<DynamicTest> out = new ArrayList<>();
        for (JsonNode group : file.get("testGroups")) {
            PublicKeyMaterial key = BouncyCastleKeys.publicKey(new ECPublicKeyParameters(curve.getCurve().decodePoint(hex(group, "publicKey")), curve));
            SignatureEncoding encoding = SignatureEncoding.valueOf(group.get("sigEncoding").asText());
            Sm2Verifier verifier = Sm2Verifier.builder().signerId(hex(group, "signerId")).encoding(encoding).key("vector", key).build();
            for (JsonNode test : tests(group)) {
                out.add(DynamicTest.dynamicTest(name(test), () -> {
                    boolean expected = test.get("result").asText().equals("valid");
                    assertThat(verifier.verify("vector", hex(test, "msg"), hex(test, "sig"))).isEqualTo(expected);
                    if (!expected && (flags(test).contains("RangeCheck") || flags(test).contains("InvalidEncoding"))) {
                        assertThat(reason(() -> verifier.verifyOrThrow("vector", hex(test, "msg"), hex(test, "sig"))))
                                .isEqualTo(CryptoException.Reason.MALFORMED);
                    }
                    if (encoding == SignatureEncoding.DER) {
                        assertThat(opensslVerifies(key, group.get("signerIdText").asText(), test)).as("OpenSSL's opinion").isEqualTo(expected);
                    }
                }));
            }
        }
        return out.stream();
    }

    static boolean opensslVerifies(PublicKeyMaterial key, String signerId, JsonNode test) throws IOException {
        String id = "t" + test.get("tcId").asInt();
        Files.writeString(work.resolve(id + ".pub"), key.toPem());
        Files.write(work.resolve(id + ".msg"), hex(test, "msg"));
        Files.write(work.resolve(id + ".sig"), hex(test, "sig"));
        return OpenSsl.run(work, "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", id + ".pub",
                "-pkeyopt", "distid:" + signerId, "-in", id + ".msg", "-sigfile", id + ".sig").exitCode == 0;
    }

    @TestFactory
    Stream<DynamicTest> sm4Vectors() {
        JsonNode file = read("sm4_test.json");
        List<DynamicTest> out = new ArrayList<>();
        for (JsonNode group : file.get("testGroups")) {
            String mode = group.get("mode").asText();
            for (JsonNode test : tests(group)) {
                out.add(DynamicTest.dynamicTest(mode + " " + name(test), () -> {
                    boolean expected = test.get("result").asText().equals("valid");
                    byte[] key = hex(test, "key");
                    byte[] msg = hex(test, "msg");
                    Sm4FieldCipher cipher;
                    byte[] wire;
                    byte[] aad = null;
                    switch (mode) {
                        case "GCM" -> {
                            cipher = Sm4FieldCipher.gcm(key);
                            wire = Arrays.concatenate(hex(test, "iv"), hex(test, "ct"), hex(test, "tag"));
                            aad = test.get("aad").asText().isEmpty() ? null : hex(test, "aad");
                        }
                        case "CBC" -> {
                            cipher = Sm4FieldCipher.cbc(key);
                            wire = Arrays.concatenate(hex(test, "iv"), hex(test, "ct"));
                        }
                        default -> {
                            cipher = Sm4FieldCipher.legacyEcb(key);
                            wire = hex(test, "ct");
                            if (expected) {
                                assertThat(cipher.encrypt(msg)).as("ECB is deterministic").isEqualTo(hex(test, "ct"));
                            }
                        }
                    }
                    byte[] associated = aad;
                    if (expected) {
                        assertThat(cipher.decrypt(wire, associated)).isEqualTo(msg);
                        if (!mode.equals("ECB")) {
                            assertThat(cipher.decrypt(cipher.encrypt(msg, associated), associated)).isEqualTo(msg);
                        }
                    } else {
                        assertThat(reason(() -> cipher.decrypt(wire, associated)))
                                .isIn(CryptoException.Reason.DECRYPTION_FAILED, CryptoException.Reason.MALFORMED);
                    }
                }));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> hmacSm3Vectors() {
        JsonNode file = read("hmac_sm3_test.json");
        List<DynamicTest> out = new ArrayList<>();
        for (JsonNode group : file.get("testGroups")) {
            for (JsonNode test : tests(group)) {
                out.add(DynamicTest.dynamicTest(name(test), () -> {
                    boolean expected = test.get("result").asText().equals("valid");
                    HmacVerifier verifier = new HmacVerifier(SignatureAlgorithm.HMAC_SM3);
                    verifier.addKey("vector", hex(test, "key"));
                    assertThat(verifier.verify("vector", hex(test, "msg"), hex(test, "tag"))).isEqualTo(expected);
                    if (expected) {
                        assertThat(HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "vector", hex(test, "key")).sign(hex(test, "msg")))
                                .isEqualTo(hex(test, "tag"));
                    }
                }));
            }
        }
        return out.stream();
    }

    static List<String> flags(JsonNode test) {
        List<String> out = new ArrayList<>();
        test.get("flags").forEach(f -> out.add(f.asText()));
        return out;
    }

    static CryptoException.Reason reason(Runnable action) {
        try {
            action.run();
            return null;
        } catch (CryptoException e) {
            return e.reason();
        }
    }
}
