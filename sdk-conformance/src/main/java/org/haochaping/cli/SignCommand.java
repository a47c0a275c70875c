package org.haochaping.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hcp sign}: the Base64 SM2-with-SM3 signature of a file's bytes. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Signs the bytes of INPUT with an SM2 private key (SM2 with SM3, GM/T 0009) and prints the Base64 signature.")
public final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "SM2 private key PEM (PKCS#8, or SEC1 EC/SM2 PRIVATE KEY).")
    Path keyFile;

    @Mixin
    SignatureOptions options = new SignatureOptions();

    @Parameters(index = "0", paramLabel = "INPUT", description = "The file whose bytes are signed.")
    Path input;

    @Override
    public Integer call() {
        PrivateKeyMaterial key;
        byte[] message;
        try {
            key = PemKeys.privateKey(keyFile);
            message = Files.readAllBytes(input);
        } catch (CryptoException e) {
            spec.commandLine().getErr().println("sign: key " + keyFile + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("sign: cannot read " + input + ": " + e.getMessage());
            return 2;
        }
        try {
            Sm2Signer signer = Sm2Signer.builder(key).signerId(options.signerId).encoding(options.format.encoding).build();
            spec.commandLine().getOut().println(Base64.getEncoder().encodeToString(signer.sign(message)));
            return 0;
        } catch (CryptoException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("sign: " + e.getMessage());
            return 2;
        }
    }
}
