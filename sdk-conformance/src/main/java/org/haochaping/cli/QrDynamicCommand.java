package org.haochaping.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.haochaping.interim.InterimSm2Keys;
import org.haochaping.interim.InterimSm2Signer;
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
            description = "SM2 private key, PEM PKCS#8 (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2).")
    Path key;

    @Option(names = "--key-id", paramLabel = "ID",
            description = "Key id written into the code (default: sm2- and 8 hex digits of SM3 over the public key).")
    String keyId;

    @Option(names = "--case", required = true, paramLabel = "NO", description = "Case number (办件编号).")
    String caseNumber;

    @Option(names = "--item", required = true, paramLabel = "CODE", description = "Service item code (事项编码).")
    String item;

    @Option(names = "--window", paramLabel = "CODE", description = "Window code (optional).")
    String window;

    @Option(names = "--staff", paramLabel = "NO", description = "Staff number (工号, optional).")
    String staff;

    @Option(names = "--ttl", paramLabel = "ISO_DURATION", defaultValue = "P15D",
            description = "Validity as an ISO-8601 duration, e.g. P15D or PT2H (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = EvaluationPage.DEFAULT_URL,
            description = "Evaluation page (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Mixin
    QrImageOptions image;

    @Override
    public Integer call() throws Exception {
        ECPrivateKeyParameters privateKey;
        try {
            privateKey = InterimSm2Keys.readPrivateKey(key);
        } catch (IOException e) {
            spec.commandLine().getErr().println("hcp qr dynamic: cannot read --key: "
                    + (e instanceof NoSuchFileException ? "no such file " + key : e.getMessage()));
            return 2;
        }
        String id = keyId != null ? keyId : InterimSm2Keys.keyId(InterimSm2Keys.publicKeyOf(privateKey));
        ReceiptCode code;
        try {
            Duration validity;
            try {
                validity = Duration.parse(ttl);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--ttl is not an ISO-8601 duration such as P15D or PT2H: " + ttl);
            }
            ReceiptCodeIssuer issuer = ReceiptCodeIssuer.builder(new InterimSm2Signer(privateKey, id))
                    .page(EvaluationPage.of(baseUrl)).validity(validity).build();
            code = issuer.issue(ReceiptCase.builder().caseNumber(caseNumber).itemCode(item).windowCode(window)
                    .staffNumber(staff).build());
        } catch (InvalidFieldException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        image.write(code.text());
        spec.commandLine().getOut().println(code.text());
        return 0;
    }
}
