package org.haochaping.qrcode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** OpenSSL 3 as the independent SM2 implementation: key generation, signing, verifying, SM3 of a public key. */
public final class Openssl {

    private static final String DIST_ID = "distid:1234567812345678";

    private Openssl() {
    }

    /** A fresh SM2 key pair as PEM files {@code name.pem} (PKCS#8) and {@code name.pub.pem} (SPKI) in {@code dir}. */
    public static Path[] generateSm2Key(Path dir, String name) throws IOException {
        Path privateKey = dir.resolve(name + ".pem");
        Path publicKey = dir.resolve(name + ".pub.pem");
        run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", privateKey.toString());
        run("pkey", "-in", privateKey.toString(), "-pubout", "-out", publicKey.toString());
        return new Path[] {privateKey, publicKey};
    }

    /** An SM2-with-SM3 signature (DER, signer ID {@code 1234567812345678}) of {@code message}. */
    public static byte[] sign(Path privateKey, byte[] message, Path workDir) throws IOException {
        Path in = Files.write(Files.createTempFile(workDir, "msg", ".bin"), message);
        Path out = workDir.resolve(in.getFileName() + ".sig");
        run("pkeyutl", "-sign", "-inkey", privateKey.toString(), "-rawin", "-digest", "sm3", "-pkeyopt", DIST_ID,
                "-in", in.toString(), "-out", out.toString());
        return Files.readAllBytes(out);
    }

    public static boolean verify(Path publicKey, byte[] message, byte[] signature, Path workDir) throws IOException {
        Path in = Files.write(Files.createTempFile(workDir, "msg", ".bin"), message);
        Path sig = Files.write(Files.createTempFile(workDir, "sig", ".bin"), signature);
        return exec("pkeyutl", "-verify", "-pubin", "-inkey", publicKey.toString(), "-rawin", "-digest", "sm3",
                "-pkeyopt", DIST_ID, "-in", in.toString(), "-sigfile", sig.toString()).exit == 0;
    }

    /** SM3 of a PEM public key's DER SubjectPublicKeyInfo, 64 lowercase hex digits. */
    public static String sm3OfPublicKey(Path publicKey, Path workDir) throws IOException {
        Path der = Files.createTempFile(workDir, "pub", ".der");
        run("pkey", "-pubin", "-in", publicKey.toString(), "-outform", "DER", "-out", der.toString());
        // -r prints "<hex> *<file>", the coreutils format.
        String line = run("dgst", "-sm3", "-r", der.toString()).trim();
        return line.substring(0, line.indexOf(' ')).toLowerCase(Locale.ROOT);
    }

    /** Runs {@code openssl args...}; returns what it printed, or fails the test when it exits non-zero. */
    public static String run(String... args) throws IOException {
        Result result = exec(args);
        if (result.exit != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed with exit code " + result.exit
                    + ": " + result.output);
        }
        return result.output;
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("openssl is not installed (.ci/run installs it)", e);
        }
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl did not finish: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
