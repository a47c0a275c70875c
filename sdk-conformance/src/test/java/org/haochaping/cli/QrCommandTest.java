package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.qrcode.Openssl;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.ReceiptCodeIssuer;
import org.haochaping.qrcode.testing.Decoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hcp qr static | dynamic | verify} as a user runs them: exit codes, printed text, images decoded. */
class QrCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path privateKey;
    static Path publicKey;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void keys() throws IOException {
        Path[] files = Openssl.generateSm2Key(dir, "dept");
        privateKey = files[0];
        publicKey = files[1];
    }

    @Test
    void staticWritesAPngThatDecodesToThePrintedText() throws IOException {
        Path png = dir.resolve("window.png");
        Run run = hcp("qr", "static", "--area", "120101", "--hall", "HP-01", "--window", "A12", "--out", png.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out().trim()).isEqualTo("https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP-01&w=A12");
        Decoders.assertPngDecodesTo(Files.readAllBytes(png), run.out().trim());
    }

    @Test
    void staticWritesAnSvgWithCaptionAndHonoursBaseUrlAndSize() throws IOException {
        Path svg = dir.resolve("sub/window.svg");
        Run run = hcp("qr", "static", "--area", "120101001001", "--hall", "HP-01", "--window", "B3",
                "--department", "11120000MB0T12345X", "--base-url", "https://eval.example.gov.cn/w", "--size", "420",
                "--caption", "综合受理窗口 B3", "--caption", "请扫码评价", "--out", svg.toString());

        assertThat(run.exit()).isZero();
        String text = run.out().trim();
        assertThat(text).isEqualTo("https://eval.example.gov.cn/w?a=120101001001&h=HP-01&w=B3&d=11120000MB0T12345X");
        String document = Files.readString(svg);
        assertThat(document).contains("width=\"420\"").contains(">请扫码评价</text>");
        Decoders.assertSvgDecodesTo(document, text);
    }

    @Test
    void sameWindowGivesTheSameImage() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        String text = hcp("qr", "static", "--area", "120101", "--hall", "H", "--window", "W", "--out", a.toString()).out().trim();
        hcp("qr", "static", "--area", "120101", "--hall", "H", "--window", "W", "--out", b.toString());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        Decoders.assertPngDecodesTo(Files.readAllBytes(a), text);
    }

    @Test
    void dynamicThenVerifyGivesTheFieldsAsJson() throws IOException {
        Path png = dir.resolve("receipt.png");
        Run issued = hcp("qr", "dynamic", "--key", privateKey.toString(), "--case", "TJ20251103000123",
                "--item", "11120000000000000X3000117001", "--window", "A12", "--staff", "0231", "--ttl", "PT2H",
                "--out", png.toString());
        assertThat(issued.exit()).as(issued.err()).isZero();
        String text = issued.out().trim();
        Decoders.assertPngDecodesTo(Files.readAllBytes(png), text);

        Run verified = hcp("qr", "verify", "--key", publicKey.toString(), Decoders.zxing(Files.readAllBytes(png)).getText());
        assertThat(verified.exit()).isZero();
        JsonNode fields = JSON.readTree(verified.out());
        assertThat(fields.get("valid").asBoolean()).isTrue();
        assertThat(fields.get("caseNumber").asText()).isEqualTo("TJ20251103000123");
        assertThat(fields.get("itemCode").asText()).isEqualTo("11120000000000000X3000117001");
        assertThat(fields.get("windowCode").asText()).isEqualTo("A12");
        assertThat(fields.get("staffNumber").asText()).isEqualTo("0231");
        assertThat(fields.get("keyId").asText()).isEqualTo(PemKeys.publicKey(publicKey).defaultKeyId());
        assertThat(fields.get("nonce").asText()).matches("[0-9a-f]{16}");
        Instant issuedAt = Instant.parse(fields.get("issuedAt").asText());
        assertThat(Instant.parse(fields.get("expiresAt").asText())).isEqualTo(issuedAt.plusSeconds(7200));
    }

    /** One way to load keys and name them: hcp keygen's files and key id are what hcp qr uses and writes. */
    @Test
    void keygenKeysAndKeyIdAreWhatQrDynamicAndVerifyUse() throws IOException {
        Path key = dir.resolve("keygen/app.key");
        Path pub = dir.resolve("keygen/app.pub");
        Run keygen = hcp("keygen", "--private", key.toString(), "--public", pub.toString());
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        String keyId = keygen.out().lines().filter(l -> l.startsWith("key id")).findFirst().orElseThrow()
                .substring("key id".length()).trim();

        String text = hcp("qr", "dynamic", "--key", key.toString(), "--case", "C-9", "--item", "I-9",
                "--out", dir.resolve("keygen/r.png").toString()).out().trim();
        Run verified = hcp("qr", "verify", "--key", pub.toString(), text);
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(JSON.readTree(verified.out()).get("keyId").asText()).isEqualTo(keyId)
                .isEqualTo(PemKeys.publicKey(pub).defaultKeyId());
    }

    /** The key forms hcp sign and hcp verify read work here too: SEC1 private key, X.509 certificate. */
    @Test
    void sec1PrivateKeyAndCertificateAreReadAsHcpSignAndVerifyReadThem() throws IOException {
        Path sec1 = dir.resolve("dept-sec1.pem");
        Path certificate = dir.resolve("dept-cert.pem");
        Openssl.run("ec", "-in", privateKey.toString(), "-out", sec1.toString());
        Openssl.run("req", "-new", "-x509", "-key", privateKey.toString(), "-sm3", "-sigopt", "distid:1234567812345678",
                "-subj", "/CN=hcp department", "-days", "30", "-out", certificate.toString());
        assertThat(Files.readString(sec1)).contains("PRIVATE KEY-----").doesNotContain("BEGIN PRIVATE KEY");

        String text = hcp("qr", "dynamic", "--key", sec1.toString(), "--case", "C-8", "--item", "I-8",
                "--out", dir.resolve("sec1.png").toString()).out().trim();
        Run verified = hcp("qr", "verify", "--key", certificate.toString(), text);
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        assertThat(JSON.readTree(verified.out()).get("keyId").asText()).isEqualTo(PemKeys.publicKey(publicKey).defaultKeyId());
    }

    @Test
    void anExplicitKeyIdIsWrittenAndMustBeNamedToVerify() throws IOException {
        String text = hcp("qr", "dynamic", "--key", privateKey.toString(), "--key-id", "dept-2025.k1", "--case", "C-7",
                "--item", "I-7", "--out", dir.resolve("kid.png").toString()).out().trim();

        Run named = hcp("qr", "verify", "--key", publicKey.toString(), "--key-id", "dept-2025.k1", text);
        assertThat(named.exit()).as(named.out()).isZero();
        assertThat(JSON.readTree(named.out()).get("keyId").asText()).isEqualTo("dept-2025.k1");
        assertRefused(hcp("qr", "verify", "--key", publicKey.toString(), text), "BAD_SIGNATURE");

        // Not a key id at all, and a key id the SDK accepts but a receipt code cannot carry (':').
        for (String bad : new String[] {"a/b", "dept:2025"}) {
            Run run = hcp("qr", "dynamic", "--key", privateKey.toString(), "--key-id", bad, "--case", "C", "--item", "I",
                    "--out", dir.resolve("bad-kid.png").toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("1 to 32 of A-Z a-z 0-9 . _ -");
        }
        assertThat(hcp("qr", "verify", "--key", publicKey.toString(), "--key-id", "a/b", text).exit()).isEqualTo(2);
    }

    @Test
    void keysThatAreNotSm2OrNeedAPasswordExit2WithoutShowingKeyMaterial() throws IOException {
        Path p256 = dir.resolve("p256.pem");
        Path p256Public = dir.resolve("p256.pub.pem");
        Path encrypted = dir.resolve("dept-encrypted.pem");
        Openssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", p256.toString());
        Openssl.run("pkey", "-in", p256.toString(), "-pubout", "-out", p256Public.toString());
        Openssl.run("pkcs8", "-topk8", "-in", privateKey.toString(), "-v2", "aes-256-cbc", "-passout", "pass:secret",
                "-out", encrypted.toString());

        Run p256Dynamic = hcp("qr", "dynamic", "--key", p256.toString(), "--case", "C", "--item", "I",
                "--out", dir.resolve("p.png").toString());
        assertThat(p256Dynamic.exit()).isEqualTo(2);
        assertThat(p256Dynamic.err()).contains("SM2");
        assertShowsNothingOf(p256, p256Dynamic);
        Run p256Verify = hcp("qr", "verify", "--key", p256Public.toString(), "https://x/e?r=1");
        assertThat(p256Verify.exit()).isEqualTo(2);
        assertThat(p256Verify.err()).contains("SM2");

        Run locked = hcp("qr", "dynamic", "--key", encrypted.toString(), "--case", "C", "--item", "I",
                "--out", dir.resolve("e.png").toString());
        assertThat(locked.exit()).isEqualTo(2);
        assertThat(locked.err()).contains("password");
        assertShowsNothingOf(encrypted, locked);
        assertThat(dir.resolve("p.png")).doesNotExist();
        assertThat(dir.resolve("e.png")).doesNotExist();
    }

    @Test
    void dynamicSvgDecodes() throws IOException {
        Path svg = dir.resolve("receipt.svg");
        Run issued = hcp("qr", "dynamic", "--key", privateKey.toString(), "--case", "C-1", "--item", "I-1",
                "--size", "500", "--out", svg.toString());
        assertThat(issued.exit()).isZero();
        Decoders.assertSvgDecodesTo(Files.readString(svg), issued.out().trim());
    }

    @Test
    void verifyRefusesWithTheReasonAndExit1() throws IOException {
        Path png = dir.resolve("r.png");
        String text = hcp("qr", "dynamic", "--key", privateKey.toString(), "--case", "C-2", "--item", "I-2",
                "--out", png.toString()).out().trim();

        // Another key: bad signature.
        Path[] other = Openssl.generateSm2Key(dir, "other");
        Run wrongKey = hcp("qr", "verify", "--key", other[1].toString(), "--key-id",
                PemKeys.publicKey(publicKey).defaultKeyId(), text);
        assertRefused(wrongKey, "BAD_SIGNATURE");

        // Malformed: a digit removed.
        assertRefused(hcp("qr", "verify", "--key", publicKey.toString(), text.substring(0, text.length() - 1)), "MALFORMED");
        assertRefused(hcp("qr", "verify", "--key", publicKey.toString(), "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=H&w=W"),
                "MALFORMED");

        // Expired: issued two days ago with a one-day validity.
        ReceiptCodeIssuer past = ReceiptCodeIssuer.builder(Sm2Signer.builder(PemKeys.privateKey(privateKey)).build())
                .validity(java.time.Duration.ofDays(1))
                .clock(Clock.fixed(Instant.now().minus(java.time.Duration.ofDays(2)), ZoneOffset.UTC)).build();
        String expired = past.issue(ReceiptCase.builder().caseNumber("C-3").itemCode("I-3").build()).text();
        assertRefused(hcp("qr", "verify", "--key", publicKey.toString(), expired), "EXPIRED");
    }

    @Test
    void usageErrorsAndUnreadableInputExit2() {
        assertThat(hcp("qr").exit()).isEqualTo(2);
        assertThat(hcp("qr", "static", "--area", "1201", "--hall", "H", "--window", "W", "--out", dir.resolve("x.png").toString()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("areaCode"));
        assertThat(hcp("qr", "static", "--area", "120101", "--hall", "H", "--window", "W", "--out", dir.resolve("x.gif").toString())
                .exit()).isEqualTo(2);
        assertThat(hcp("qr", "static", "--area", "120101", "--hall", "H", "--window", "W", "--caption", "x",
                "--out", dir.resolve("x.png").toString()).exit()).isEqualTo(2);
        assertThat(hcp("qr", "dynamic", "--key", dir.resolve("missing.pem").toString(), "--case", "C", "--item", "I",
                "--out", dir.resolve("x.png").toString())).satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("missing.pem").contains("cannot be read"));
        assertThat(hcp("qr", "dynamic", "--key", publicKey.toString(), "--case", "C", "--item", "I",
                "--out", dir.resolve("x.png").toString()).exit()).isEqualTo(2);
        assertThat(hcp("qr", "dynamic", "--key", privateKey.toString(), "--case", "C", "--item", "I", "--ttl", "15 days",
                "--out", dir.resolve("x.png").toString())).satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--ttl"));
        assertThat(hcp("qr", "verify", "--key", privateKey.toString(), "https://x/e?r=1").exit()).isEqualTo(2);
        assertThat(hcp("qr", "verify", "--key", publicKey.toString()).exit()).isEqualTo(2);
    }

    @Test
    void privateKeyMaterialNeverReachesTheOutput() throws IOException {
        Run run = hcp("qr", "dynamic", "--key", privateKey.toString(), "--case", "C", "--item", "I",
                "--out", dir.resolve("k.png").toString());
        assertThat(run.exit()).isZero();
        assertShowsNothingOf(privateKey, run);
    }

    /**
     * No 12 characters of the key file's Base64 appear in what the command printed. The first 36 are skipped:
     * they are the ASN.1 header every key of the kind shares, not key material.
     */
    private static void assertShowsNothingOf(Path pem, Run run) throws IOException {
        String base64 = Files.readString(pem).lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        String printed = run.out() + run.err();
        for (int at = 36; at + 12 <= base64.length(); at++) {
            assertThat(printed).doesNotContain(base64.substring(at, at + 12));
        }
    }

    private static void assertRefused(Run run, String reason) throws IOException {
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("reason").asText()).isEqualTo(reason);
        assertThat(json.get("message").asText()).isNotBlank();
    }

    private static synchronized Run hcp(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = Hcp.run(args);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
