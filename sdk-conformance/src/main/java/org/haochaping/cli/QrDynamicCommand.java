package org.haochaping.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.qrcode.EvaluationPage;
import org.haochaping.qrcode.InvalidFieldException;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeIssuer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hcp qr dynamic}: a receipt's signed, expiring code. */
@Command(
        name = "dynamic",
        mixinStandardHelpOptions = true,
        description = {"Signs a receipt's dynamic code (动态二维码, Art. 10(二)) with an SM2 key, writes it and prints its text."})
public final class QrDynamicCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "PRIVATE_FILE",
            description = "SM2 private key PEM, read as hcp sign reads it: PKCS#8 (hcp keygen, or openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2) or SEC1 EC/SM2 PRIVATE KEY, unencrypted.")
    Path key;

    @Option(names = "--key-id", paramLabel = "ID",
            description = "Key id written into the code, 1 to 32 of A-Z a-z 0-9 . _ - (default: the public key's default key id as hcp keygen prints it, the first 16 hex digits of SM3 over its SubjectPublicKeyInfo).")
    String keyId;

    @Option(names = "--case", required = true, paramLabel = "NO", description = "Case number (办件编号).")
    String caseNumber;

    @Option(names = "--item", required = true, paramLabel = "CODE", description = "Service item code (事项编码).")
    String item;

    @Option(names = "--window", paramLabel = "CODE", description = "Window code (optional).")
    String window;

    @Option(names = "--staff", paramLabel = "NO", description = "Staff number (工号, optional).")
    String staff;

    @Option(names = "--ttl", paramLabel = "ISO_DURATION",
            description = "Fixed validity as an ISO-8601 duration, e.g. P15D or PT2H (default: until the end of the "
                    + "5th working day after today, the 未评 window of Art. 16).")
    String ttl;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = EvaluationPage.DEFAULT_URL,
            description = "Evaluation page (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Mixin
    QrImageOptions image;

    @Override
    public Integer call() throws Exception {
        Sm2Signer signer;
        try {
            Sm2Signer.Builder builder = Sm2Signer.builder(PemKeys.privateKey(key));
            signer = (keyId != null ? builder.keyId(keyId) : builder).build();
        } catch (CryptoException e) {
            spec.commandLine().getErr().println("qr dynamic: key " + key + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            // The key file's problems are CryptoExceptions: this is the --key-id, refused by the signer's wider
            // rule (1 to 64, ':' allowed); state the narrower rule of the code, which it breaks as well.
            throw new ParameterException(spec.commandLine(),
                    "--key-id must be 1 to 32 of A-Z a-z 0-9 . _ - (a receipt code's keyId, docs/interface-spec.md \"QR codes\")");
        }
        ReceiptCode code;
        try {
            ReceiptCodeIssuer.Builder issuer = ReceiptCodeIssuer.builder(signer).page(EvaluationPage.of(baseUrl));
            if (ttl != null) {
                try {
                    issuer.validity(Duration.parse(ttl));
                } catch (DateTimeParseException e) {
                    throw new ParameterException(spec.commandLine(), "--ttl is not an ISO-8601 duration such as P15D or PT2H: " + ttl);
                }
            }
            code = issuer.build().issue(ReceiptCase.builder().caseNumber(caseNumber).itemCode(item).windowCode(window)
                    .staffNumber(staff).build());
        } catch (InvalidFieldException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        image.write(code.text());
        spec.commandLine().getOut().println(code.text());
        return 0;
    }
}
