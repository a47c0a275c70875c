package org.haochaping.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hcp verify}: checks an SM2-with-SM3 signature of a file's bytes. Exit 0 valid, 1 invalid, 2 unreadable. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a Base64 SM2-with-SM3 signature (GM/T 0009) of the bytes of INPUT.",
                "Prints 'valid' and exits 0, or prints why not and exits 1; exits 2 when the key or input cannot be read."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "PUBLIC_FILE",
            description = "SM2 public key PEM (PUBLIC KEY) or an X.509 CERTIFICATE.")
    Path keyFile;

    @Option(names = "--signature", required = true, paramLabel = "BASE64", description = "The signature in Base64.")
    String signature;

    @Mixin
    SignatureOptions options = new SignatureOptions();

    @Parameters(index = "0", paramLabel = "INPUT", description = "The file whose bytes were signed.")
    Path input;

    @Override
    public Integer call() {
        PublicKeyMaterial key;
        byte[] message;
        try {
            key = PemKeys.publicKey(keyFile);
            message = Files.readAllBytes(input);
        } catch (CryptoException e) {
            spec.commandLine().getErr().println("verify: key " + keyFile + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("verify: cannot read " + input + ": " + e.getMessage());
            return 2;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getOut().println("invalid: MALFORMED: --signature is not valid Base64");
            return 1;
        }
        try {
            String keyId = key.defaultKeyId();
            Sm2Verifier verifier = Sm2Verifier.builder().signerId(options.signerId).encoding(options.format.encoding)
                    .key(keyId, key).build();
            verifier.verifyOrThrow(keyId, message, signatureBytes);
        } catch (CryptoException e) {
            spec.commandLine().getOut().println("invalid: " + e.reason() + ": " + e.getMessage());
            return e.reason() == CryptoException.Reason.KEY_UNUSABLE ? 2 : 1;
        }
        spec.commandLine().getOut().println("valid");
        return 0;
    }
}
