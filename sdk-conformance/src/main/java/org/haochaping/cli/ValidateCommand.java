package org.haochaping.cli;

import org.haochaping.model.Evaluation;
import org.haochaping.rules.EvaluationHistory;
import org.haochaping.rules.Violation;
import org.haochaping.wire.Decoded;
import org.haochaping.wire.MalformedPayloadException;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.PayloadLimits;
import org.haochaping.wire.WireProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hcp validate}: checks payload files against a wire profile and the rules. Exit 0 when every file is
 * valid; 1 with one line per violation ({@code FILE: path: message (Art. N)}); 2 when a file cannot be read or is
 * not JSON (with line and column), or over a resource limit (input bytes, records, array length, nesting; the
 * line names the limit). A resource limit is never exit 1: it says nothing about the rules.
 *
 * <p>Evaluations are also checked against each other ({@link EvaluationHistory}: repeats, batches, themes, appended
 * evaluations), over all files in the order given; a record that conflicts with an earlier one names it as
 * {@code FILE [index]}. {@code --no-history} checks each record on its own.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate payload files (one JSON object or an array) against a wire profile and the rules.",
            "Evaluations are checked against each other too (repeats, batches, themes, appended), over all files in order.",
            "Exit 0: all valid; 1: violations, one line each as FILE: path: message (Art. N); 2: unreadable, not JSON,"
                + " or over a limit (bytes, records, array length, nesting)."})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "unified", paramLabel = "unified|national",
            description = "Wire profile of the files (default: ${DEFAULT-VALUE}).")
    Profile profile;

    @Option(names = "--kind", defaultValue = "evaluation", paramLabel = "evaluation|case",
            description = "What the files hold: evaluation or case (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Refuse a file larger than N bytes (exit 2; "
            + "default: ${DEFAULT-VALUE}).")
    int maxBytes = PayloadLimits.DEFAULT_MAX_INPUT_BYTES;

    @Option(names = "--max-records", paramLabel = "N", description = "Refuse a file of more than N records (exit 2; "
            + "default: ${DEFAULT-VALUE}).")
    int maxRecords = PayloadLimits.DEFAULT_MAX_RECORDS;

    @Option(names = "--no-history",
            description = "Check each evaluation on its own, not against the earlier ones (repeats, batches, themes, appended).")
    boolean noHistory;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Payload files.")
    List<Path> files;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"evaluation".equals(kind) && !"case".equals(kind)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--kind must be evaluation or case, not '" + kind + "'");
        }
        PayloadLimits limits;
        try {
            limits = PayloadLimits.builder().maxInputBytes(maxBytes).maxRecords(maxRecords).build();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PayloadCodec codec = PayloadCodec.of(profile.wireProfile(), limits);
        int exit = 0;
        EvaluationHistory history = EvaluationHistory.empty();
        Map<Evaluation, String> where = new IdentityHashMap<>();
        for (Path file : files) {
            String text;
            try {
                text = readUtf8(file, limits.maxInputBytes());
            } catch (TooLarge e) {
                out.println(file + ": payload is larger than " + limits.maxInputBytes() + " bytes (limit maxInputBytes)");
                exit = 2;
                continue;
            } catch (IOException e) {
                err.println(file + ": cannot read: " + describe(e));
                exit = 2;
                continue;
            }
            try {
                List<? extends Decoded<?>> items = "evaluation".equals(kind)
                        ? codec.decodeEvaluations(text) : codec.decodeCases(text);
                int bad = 0;
                for (int i = 0; i < items.size(); i++) {
                    Decoded<?> d = items.get(i);
                    for (Violation v : d.violations()) {
                        out.println(file + ": " + v);
                    }
                    boolean valid = d.isValid();
                    if (valid && !noHistory && d.value() instanceof Evaluation) {
                        Evaluation e = (Evaluation) d.value();
                        List<EvaluationHistory.Conflict> conflicts = history.conflicts(e);
                        String prefix = items.size() > 1 || text.trim().startsWith("[") ? "[" + i + "]" : "";
                        for (EvaluationHistory.Conflict c : conflicts) {
                            Violation v = c.violation();
                            String earlier = c.earlier() == null ? "" : "; earlier: " + where.get(c.earlier());
                            out.println(file + ": " + new Violation(codec.profile().wirePath(v.path()), v.rule(), v.message() + earlier).under(prefix));
                        }
                        if (conflicts.isEmpty()) {
                            history = history.with(e);
                            where.put(e, file + " [" + i + "]");
                        } else {
                            valid = false;
                        }
                    }
                    bad += valid ? 0 : 1;
                }
                err.println(file + ": " + (bad == 0 ? "valid" : bad + " of " + items.size() + " invalid") + " ("
                        + items.size() + " " + kind + (items.size() == 1 ? "" : "s") + ", " + profile + " profile)");
                if (bad > 0 && exit == 0) {
                    exit = 1;
                }
            } catch (MalformedPayloadException e) {
                out.println(file + ": " + (e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "")
                        + stripLocation(e.getMessage()));
                exit = 2;
            }
        }
        out.flush();
        err.flush();
        return exit;
    }

    /** A file over the byte limit; nothing after the limit was read. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Reads at most {@code max} bytes: a huge file, a device ({@code /dev/zero}) or a pipe never fills the heap. */
    private static String readUtf8(Path file, int max) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk, 0, (int) Math.min(chunk.length, (long) max + 1 - buffer.size()))) > 0; ) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > max) {
                    throw new TooLarge();
                }
            }
        }
        byte[] bytes = buffer.toByteArray();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String stripLocation(String message) {
        int at = message.lastIndexOf(" at line ");
        return at < 0 ? message : message.substring(0, at);
    }

    enum Profile {
        unified, national;

        WireProfile wireProfile() {
            return WireProfile.named(name());
        }
    }
}
