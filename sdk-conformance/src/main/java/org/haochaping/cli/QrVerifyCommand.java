package org.haochaping.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.qrcode.InvalidCodeException;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hcp qr verify}: checks a scanned receipt code; exit 0 with its fields, or 1 with the reason. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Checks a receipt code's format, SM2 signature and validity.",
            "Prints JSON: the decoded fields (exit 0) or the reason it is refused (exit 1):",
            "MALFORMED, BAD_SIGNATURE, EXPIRED or NOT_YET_VALID."})
public final class QrVerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "PUBLIC_FILE",
            description = "The issuer's SM2 public key PEM, read as hcp verify reads it: PUBLIC KEY (hcp keygen, or openssl pkey -pubout) or an X.509 CERTIFICATE.")
    Path key;

    @Option(names = "--key-id", paramLabel = "ID",
            description = "The key's id (default: the public key's default key id as hcp keygen prints it, the first 16 hex digits of SM3 over its SubjectPublicKeyInfo).")
    String keyId;

    @Parameters(index = "0", paramLabel = "TEXT", description = "The code's text, as a scanner reads it.")
    String text;

    @Override
    public Integer call() throws Exception {
        Sm2Verifier sm2;
        try {
            PublicKeyMaterial publicKey = PemKeys.publicKey(key);
            sm2 = Sm2Verifier.builder().key(keyId != null ? keyId : publicKey.defaultKeyId(), publicKey).build();
        } catch (CryptoException e) {
            spec.commandLine().getErr().println("qr verify: key " + key + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            // The key file's problems are CryptoExceptions: this is the --key-id.
            throw new ParameterException(spec.commandLine(), "--key-id: " + e.getMessage());
        }
        ReceiptCodeVerifier verifier = ReceiptCodeVerifier.builder(sm2).build();
        ObjectNode out = JSON.createObjectNode();
        int exit;
        try {
            ReceiptCode code = verifier.verify(text);
            ReceiptCase receiptCase = code.receiptCase();
            out.put("valid", true)
                    .put("caseNumber", receiptCase.caseNumber())
                    .put("itemCode", receiptCase.itemCode());
            receiptCase.windowCode().ifPresent(w -> out.put("windowCode", w));
            receiptCase.staffNumber().ifPresent(s -> out.put("staffNumber", s));
            out.put("issuedAt", code.issuedAt().toString())
                    .put("expiresAt", code.expiresAt().toString())
                    .put("keyId", code.keyId())
                    .put("nonce", code.nonce());
            exit = 0;
        } catch (InvalidCodeException e) {
            out.put("valid", false).put("reason", e.reason().name()).put("message", e.getMessage());
            exit = 1;
        }
        spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return exit;
    }
}
