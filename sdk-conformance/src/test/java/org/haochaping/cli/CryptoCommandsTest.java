package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hcp keygen}, {@code hcp sign} and {@code hcp verify}, checked against OpenSSL 3. */
class CryptoCommandsTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run hcp(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Hcp());
        cli.setExitCodeExceptionMapper(t -> 2);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Run openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output, "");
    }

    @Test
    void keygenWritesPemThatOpenSslReadsAndNeverOverwrites() throws Exception {
        Run run = hcp("keygen", "--private", dir.resolve("app.key").toString(), "--public", dir.resolve("app.pub").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("key id").contains("fingerprint").doesNotContain("PRIVATE");
        assertThat(Files.readString(dir.resolve("app.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(dir.resolve("app.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(dir.resolve("app.key"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Run text = openssl("pkey", "-in", "app.key", "-noout", "-text");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("ASN1 OID: SM2");
        assertThat(openssl("pkey", "-pubin", "-in", "app.pub", "-noout").exitCode()).isZero();

        String before = Files.readString(dir.resolve("app.key"));
        Run again = hcp("keygen", "--private", dir.resolve("app.key").toString(), "--public", dir.resolve("other.pub").toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readString(dir.resolve("app.key"))).isEqualTo(before);
    }

    @Test
    void signOutputVerifiesInOpenSslAndOpenSslSignaturesVerifyHere() throws Exception {
        hcp("keygen", "--private", dir.resolve("k.pem").toString(), "--public", dir.resolve("p.pem").toString());
        Files.writeString(dir.resolve("input.json"), "[{\"projectNo\":\"TJ-1\",\"satisfaction\":\"5\"}]");

        Run sign = hcp("sign", "--key", dir.resolve("k.pem").toString(), dir.resolve("input.json").toString());
        assertThat(sign.exitCode()).isZero();
        Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(sign.out().trim()));
        assertThat(openssl("pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", "p.pem",
                "-pkeyopt", "distid:1234567812345678", "-in", "input.json", "-sigfile", "sig.der").exitCode()).isZero();

        assertThat(openssl("pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", "k.pem",
                "-pkeyopt", "distid:platform@tj", "-in", "input.json", "-out", "openssl.sig").exitCode()).isZero();
        String opensslSignature = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("openssl.sig")));
        Run valid = hcp("verify", "--key", dir.resolve("p.pem").toString(), "--signature", opensslSignature,
                "--id", "platform@tj", dir.resolve("input.json").toString());
        assertThat(valid.exitCode()).isZero();
        assertThat(valid.out().trim()).isEqualTo("valid");

        Run wrongId = hcp("verify", "--key", dir.resolve("p.pem").toString(), "--signature", opensslSignature,
                dir.resolve("input.json").toString());
        assertThat(wrongId.exitCode()).isEqualTo(1);
        assertThat(wrongId.out()).startsWith("invalid: SIGNATURE_INVALID");
    }

    @Test
    void rawFormatTamperingAndBadInputs() throws Exception {
        hcp("keygen", "--private", dir.resolve("k.pem").toString(), "--public", dir.resolve("p.pem").toString());
        Files.writeString(dir.resolve("in.txt"), "hello");
        Files.writeString(dir.resolve("tampered.txt"), "hellO");
        String raw = hcp("sign", "--key", dir.resolve("k.pem").toString(), "--format", "raw", "--id", "A1", dir.resolve("in.txt").toString()).out().trim();
        assertThat(Base64.getDecoder().decode(raw)).hasSize(64);
        String key = dir.resolve("p.pem").toString();
        assertThat(hcp("verify", "--key", key, "--signature", raw, "--format", "raw", "--id", "A1", dir.resolve("in.txt").toString()).exitCode()).isZero();
        Run tampered = hcp("verify", "--key", key, "--signature", raw, "--format", "raw", "--id", "A1", dir.resolve("tampered.txt").toString());
        assertThat(tampered.exitCode()).isEqualTo(1);
        Run wrongFormat = hcp("verify", "--key", key, "--signature", raw, "--id", "A1", dir.resolve("in.txt").toString());
        assertThat(wrongFormat.exitCode()).isEqualTo(1);
        assertThat(wrongFormat.out()).contains("MALFORMED");
        assertThat(hcp("verify", "--key", key, "--signature", "%%%", dir.resolve("in.txt").toString()).exitCode()).isEqualTo(1);

        assertThat(hcp("sign", "--key", dir.resolve("missing.pem").toString(), dir.resolve("in.txt").toString()).exitCode()).isEqualTo(2);
        assertThat(hcp("sign", "--key", dir.resolve("k.pem").toString(), dir.resolve("missing.txt").toString()).exitCode()).isEqualTo(2);
        assertThat(hcp("verify", "--key", dir.resolve("k.pem").toString(), "--signature", raw, dir.resolve("in.txt").toString()).exitCode())
                .as("a private key file where a public key is expected").isEqualTo(2);
        assertThat(hcp("sign", "--key", dir.resolve("k.pem").toString(), "--format", "hex", dir.resolve("in.txt").toString()).exitCode())
                .as("usage error").isEqualTo(2);
        assertThat(hcp("sign", "--key", dir.resolve("k.pem").toString()).exitCode()).isEqualTo(2);
    }
}
