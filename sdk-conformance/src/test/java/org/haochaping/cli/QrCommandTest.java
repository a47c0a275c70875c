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
import org.haochaping.interim.InterimSm2Keys;
import org.haochaping.interim.InterimSm2Signer;
import org.haochaping.interim.Openssl;
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
        assertThat(fields.get("keyId").asText()).isEqualTo(InterimSm2Keys.keyId(InterimSm2Keys.readPublicKey(publicKey)));
        assertThat(fields.get("nonce").asText()).matches("[0-9a-f]{16}");
        Instant issuedAt = Instant.parse(fields.get("issuedAt").asText());
        assertThat(Instant.parse(fields.get("expiresAt").asText())).isEqualTo(issuedAt.plusSeconds(7200));
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
                InterimSm2Keys.keyId(InterimSm2Keys.readPublicKey(publicKey)), text);
        assertRefused(wrongKey, "BAD_SIGNATURE");

        // Malformed: a digit removed.
        assertRefused(hcp("qr", "verify", "--key", publicKey.toString(), text.substring(0, text.length() - 1)), "MALFORMED");
        assertRefused(hcp("qr", "verify", "--key", publicKey.toString(), "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=H&w=W"),
                "MALFORMED");

        // Expired: issued two days ago with a one-day validity.
        ReceiptCodeIssuer past = ReceiptCodeIssuer.builder(new InterimSm2Signer(InterimSm2Keys.readPrivateKey(privateKey),
                        InterimSm2Keys.keyId(InterimSm2Keys.readPublicKey(publicKey))))
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
                .satisfies(r -> assertThat(r.err()).contains("no such file"));
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
        String pem = Files.readString(privateKey);
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").trim();
        Run run = hcp("qr", "dynamic", "--key", privateKey.toString(), "--case", "C", "--item", "I",
                "--out", dir.resolve("k.png").toString());
        assertThat(run.out() + run.err()).doesNotContain(base64.substring(0, 20));
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
