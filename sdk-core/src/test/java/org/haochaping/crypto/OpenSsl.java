package org.haochaping.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} command line (OpenSSL 3, installed by {@code .ci/run}) as an independent
 * implementation to check the SDK against. Tests fail, not skip, when it is missing: interoperability
 * is part of what the build proves.
 */
public final class OpenSsl {

    /** The outcome of one openssl run. */
    public static final class Result {
        public final int exitCode;
        public final byte[] stdout;
        public final String stderr;

        Result(int exitCode, byte[] stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** Throws with stderr when openssl failed. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("openssl exited " + exitCode + ": " + stderr);
            }
            return this;
        }
    }

    private OpenSsl() {
    }

    /** Runs {@code openssl args...} in {@code dir}, feeding {@code stdin} (may be null). */
    public static Result run(Path dir, byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        try {
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin);
            }
            process.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl did not finish: " + command);
            }
            errReader.join();
            return new Result(process.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl (install OpenSSL 3; .ci/run does): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static Result run(Path dir, String... args) {
        return run(dir, null, args);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process is gone; whatever was read is kept
        }
    }
}
