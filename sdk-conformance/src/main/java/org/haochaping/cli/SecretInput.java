package org.haochaping.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the command line reads a secret from: a file (first line, trimmed) or an environment variable, never the
 * arguments (every user of the machine sees those in {@code ps}). An argument still works, for old scripts, with a
 * warning.
 */
final class SecretInput {

    /** The largest secret file read: a secret is one short line. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private SecretInput() {
    }

    /**
     * @return the secret, or {@code null} when none of the three is given
     * @throws IOException when the file cannot be read or is too large
     */
    static String read(String fromArgument, String argumentName, Path file, String variable, String command,
            PrintWriter err) throws IOException {
        if (file != null) {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes; a secret file holds one line");
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String line = (nl < 0 ? text : text.substring(0, nl)).trim();
            if (line.isEmpty()) {
                throw new IOException(file + " is empty; it holds the secret on its first line");
            }
            return line;
        }
        String env = variable == null ? null : System.getenv(variable);
        if (env != null && !env.isEmpty()) {
            return env;
        }
        if (fromArgument != null) {
            err.println(command + ": warning: " + argumentName + " puts the secret on the command line, where other users"
                    + " of this machine can read it (ps); use a file or " + variable + " instead");
            return fromArgument;
        }
        return null;
    }
}
