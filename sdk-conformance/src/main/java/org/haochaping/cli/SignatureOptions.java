package org.haochaping.cli;

import org.haochaping.crypto.sign.SignatureEncoding;
import org.haochaping.crypto.sign.Sm2Signer;
import picocli.CommandLine.Option;

/** The options {@code hcp sign} and {@code hcp verify} share. */
final class SignatureOptions {

    /** The {@code --format} values, as typed on the command line. */
    enum Format {
        der(SignatureEncoding.DER), raw(SignatureEncoding.RAW);

        final SignatureEncoding encoding;

        Format(SignatureEncoding encoding) {
            this.encoding = encoding;
        }
    }

    @Option(names = "--id", paramLabel = "ID", defaultValue = Sm2Signer.DEFAULT_SIGNER_ID,
            description = "SM2 signer ID (GM/T 0009), default ${DEFAULT-VALUE}.")
    String signerId;

    @Option(names = "--format", paramLabel = "der|raw", defaultValue = "der",
            description = "Signature encoding: der (ASN.1 SEQUENCE of r and s, as OpenSSL writes) or raw (r || s, 64 bytes). Default ${DEFAULT-VALUE}.")
    Format format;
}
