package org.haochaping.cli;

import org.haochaping.client.HcpClient;
import org.haochaping.client.MalformedResponseException;
import org.haochaping.client.RecordResult;
import org.haochaping.client.SubmissionResult;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportException;
import org.haochaping.wire.Decoded;
import org.haochaping.wire.MalformedPayloadException;
import org.haochaping.wire.PayloadCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hcp send}: submits evaluation payload files through the SDK client and prints one line per record. Exit 0
 * when every record is held by the platform (accepted now or before), 1 when one was refused or the platform refused
 * a request, 2 for usage errors, unreadable files or keys, and a platform that cannot be reached.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Submit evaluation payload files (one JSON object or an array, in the given wire profile) "
                + "through the SDK client, and print the platform's result for each record.",
            "The defaults fit './hcp simulate': app id demo-app and the platform key it wrote to hcp-out/simulator/.",
            "Exit 0: every record accepted or a duplicate; 1: a record or request refused; 2: usage, files, keys, "
                + "network."})
final class SendCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The platform's base URL.")
    String url;

    @Option(names = "--key", required = true, paramLabel = "PRIVATE_FILE",
            description = "The app's SM2 private key (PEM) that signs the requests.")
    Path key;

    @Option(names = "--profile", defaultValue = "unified", paramLabel = "unified|national",
            description = "Wire profile of the files, and of the submission (national: the national envelope). "
                    + "Default ${DEFAULT-VALUE}.")
    ValidateCommand.Profile profile;

    @Option(names = "--app-id", defaultValue = "demo-app", paramLabel = "ID",
            description = "The app id the platform registered (default ${DEFAULT-VALUE}).")
    String appId;

    @Option(names = "--key-id", paramLabel = "ID",
            description = "The key id the platform knows the key by (default: derived from the public key, as "
                    + "'hcp keygen' prints it).")
    String keyId;

    @Option(names = "--platform-key", defaultValue = "hcp-out/simulator/platform-public.pem",
            paramLabel = "PUBLIC_FILE", description = "The platform's public key that verifies responses "
                    + "(default ${DEFAULT-VALUE}).")
    Path platformKey;

    @Option(names = "--platform-key-id", paramLabel = "ID",
            description = "The platform's key id (default: derived from its public key).")
    String platformKeyId;

    @Option(names = "--app-mark", defaultValue = "demo-app", paramLabel = "MARK",
            description = "national profile: the envelope's appMark (default ${DEFAULT-VALUE}).")
    String appMark;

    @Option(names = "--app-word-file", paramLabel = "FILE",
            description = "national profile: a file whose first line is the envelope's appWord (the app secret); "
                    + "or the HCP_APP_WORD variable.")
    Path appWordFile;

    @Option(names = "--app-word", paramLabel = "WORD", hidden = true,
            description = "Deprecated: visible to every user in ps. Use --app-word-file or HCP_APP_WORD.")
    String appWord;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Payload files.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HcpClient client;
        try {
            client = client(err);
        } catch (IOException | RuntimeException e) {
            err.println("send: " + TerminalText.of(e.getMessage()));
            return 2;
        }
        int exit = 0;
        try {
            PayloadCodec codec = PayloadCodec.of(profile.wireProfile());
            for (Path file : files) {
                List<Evaluation> evaluations = read(codec, file, err);
                if (evaluations == null) {
                    exit = 2;
                    continue;
                }
                for (int from = 0; from < evaluations.size(); from += HcpClient.MAX_RECORDS) {
                    List<Evaluation> chunk = evaluations.subList(from,
                            Math.min(evaluations.size(), from + HcpClient.MAX_RECORDS));
                    try {
                        SubmissionResult result = client.submitEvaluations(chunk, RequestOptions.defaults());
                        // Every text the platform sent is escaped: national answers are not signed at all, and
                        // a signed answer's fields are the platform's words, not this tool's (issue 13).
                        for (RecordResult r : result.results()) {
                            out.println(file + ": [" + (from + r.index()) + "] " + r.status()
                                    + (r.caseNo() == null ? "" : " case " + TerminalText.of(r.caseNo()))
                                    + (r.evaluationNo() == null ? "" : " evaluation " + TerminalText.of(r.evaluationNo()))
                                    + (r.workOrderNo() == null ? "" : " work-order " + TerminalText.of(r.workOrderNo())));
                            for (Violation v : r.violations()) {
                                out.println(file + ": [" + (from + r.index()) + "] " + TerminalText.of(v.toString()));
                            }
                        }
                        if (!result.allHeld()) {
                            exit = Math.max(exit, 1);
                        }
                    } catch (ServiceException e) {
                        // 5xx and 429 may come unsigned from any proxy: their code and message are unverified text
                        out.println(file + ": refused: HTTP " + e.statusCode() + " "
                                + TerminalText.of(e.platformCode().orElse(""))
                                + e.platformMessage().map(m -> " " + TerminalText.of(m)).orElse("")
                                + (e.isRetryable() || profile == ValidateCommand.Profile.national ? " (not verified)" : ""));
                        exit = Math.max(exit, 1);
                    } catch (CryptoException e) {
                        out.println(file + ": response not trusted: " + TerminalText.of(e.getMessage()));
                        exit = Math.max(exit, 1);
                    } catch (MalformedResponseException e) {
                        out.println(file + ": response not understood: " + TerminalText.of(e.getMessage()));
                        exit = Math.max(exit, 1);
                    } catch (TransportException e) {
                        err.println("send: " + file + ": " + TerminalText.of(e.getMessage()));
                        return 2;
                    }
                }
            }
        } finally {
            client.close();
            out.flush();
        }
        return exit;
    }

    /** The file's evaluations, or {@code null} after printing why they cannot be sent. */
    private static List<Evaluation> read(PayloadCodec codec, Path file, PrintWriter err) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("send: " + file + ": cannot read");
            return null;
        }
        try {
            List<Evaluation> out = new ArrayList<>();
            List<Violation> violations = new ArrayList<>();
            for (Decoded<Evaluation> d : codec.decodeEvaluations(text)) {
                violations.addAll(d.violations());
                out.add(d.value());
            }
            if (!violations.isEmpty()) {
                for (Violation v : violations) {
                    err.println("send: " + file + ": " + v);
                }
                err.println("send: " + file + ": not sent; 'hcp validate' shows the same");
                return null;
            }
            return out;
        } catch (MalformedPayloadException e) {
            err.println("send: " + file + ": " + e.getMessage());
            return null;
        } catch (ValidationException e) {
            err.println("send: " + file + ": " + e.getMessage());
            return null;
        }
    }

    private HcpClient client(PrintWriter err) throws IOException {
        PrivateKeyMaterial appKey = PemKeys.privateKey(key);
        PublicKeyMaterial platform = PemKeys.publicKey(platformKey);
        HcpClient.Builder b = HcpClient.builder()
                .baseUrl(url)
                .appId(appId)
                .signer(Sm2Signer.builder(appKey).keyId(keyId != null ? keyId : appKey.publicKey().defaultKeyId())
                        .build())
                .platformVerifier(Sm2Verifier.builder()
                        .key(platformKeyId != null ? platformKeyId : platform.defaultKeyId(), platform).build());
        if (profile == ValidateCommand.Profile.national) {
            String word = SecretInput.read(appWord, "--app-word", appWordFile, "HCP_APP_WORD", "send", err);
            if (word == null) {
                throw new IllegalArgumentException("the national profile needs --app-word-file or HCP_APP_WORD");
            }
            b.nationalEnvelope(EnvelopeSealer.builder(platform).appMark(appMark).appWord(word).build());
        }
        return b.build();
    }
}
