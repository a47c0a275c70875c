package org.haochaping.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.haochaping.interim.InterimSm2Keys;
import org.haochaping.interim.InterimSm2Verifier;
import org.haochaping.qrcode.InvalidCodeException;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
            description = "The issuer's SM2 public key, PEM SubjectPublicKeyInfo (openssl pkey -pubout).")
    Path key;

    @Option(names = "--key-id", paramLabel = "ID",
            description = "The key's id (default: sm2- and 8 hex digits of SM3 over the public key).")
    String keyId;

    @Parameters(index = "0", paramLabel = "TEXT", description = "The code's text, as a scanner reads it.")
    String text;

    @Override
    public Integer call() throws Exception {
        ECPublicKeyParameters publicKey;
        try {
            publicKey = InterimSm2Keys.readPublicKey(key);
        } catch (IOException e) {
            spec.commandLine().getErr().println("hcp qr verify: cannot read --key: "
                    + (e instanceof NoSuchFileException ? "no such file " + key : e.getMessage()));
            return 2;
        }
        String id = keyId != null ? keyId : InterimSm2Keys.keyId(publicKey);
        ReceiptCodeVerifier verifier = ReceiptCodeVerifier.builder(
                new InterimSm2Verifier(Collections.singletonMap(id, publicKey))).build();
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
