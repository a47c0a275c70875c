package org.haochaping.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;

import org.haochaping.crypto.keys.PrivateKeyMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hcp keygen}: a fresh SM2 key pair as PKCS#8 and SubjectPublicKeyInfo PEM files. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generates an SM2 key pair: PKCS#8 private key and SubjectPublicKeyInfo public key, PEM files that OpenSSL 3 reads.",
                "Never overwrites an existing file. Prints the public key's default key id and fingerprint."})
public final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--private", required = true, paramLabel = "FILE", description = "Where to write the private key (created with owner-only permissions).")
    Path privateFile;

    @Option(names = "--public", required = true, paramLabel = "FILE", description = "Where to write the public key.")
    Path publicFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (privateFile.toAbsolutePath().normalize().equals(publicFile.toAbsolutePath().normalize())) {
            err.println("keygen: --private and --public must be different files");
            return 2;
        }
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        try {
            writeNew(privateFile, key.exportPkcs8Pem(), true);
            writeNew(publicFile, key.publicKey().toPem(), false);
        } catch (FileAlreadyExistsException e) {
            err.println("keygen: " + e.getFile() + " already exists; refusing to overwrite a key");
            return 2;
        } catch (IOException e) {
            err.println("keygen: cannot write key file: " + e.getMessage());
            return 2;
        }
        out.println("key id      " + key.publicKey().defaultKeyId());
        out.println("fingerprint " + key.publicKey().fingerprint());
        return 0;
    }

    static void writeNew(Path file, String pem, boolean ownerOnly) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, pem.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(file, pem.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW);
        }
    }
}
