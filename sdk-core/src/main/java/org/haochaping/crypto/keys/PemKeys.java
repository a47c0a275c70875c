package org.haochaping.crypto.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.haochaping.crypto.CryptoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads keys from PEM text without a JCA provider. Private keys: PKCS#8 ({@code PRIVATE KEY},
 * {@code ENCRYPTED PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}, and {@code SM2 PRIVATE KEY} as
 * {@code openssl ec} labels SM2 keys), PKCS#1 ({@code RSA PRIVATE KEY}). Public keys:
 * SubjectPublicKeyInfo ({@code PUBLIC KEY}), PKCS#1 ({@code RSA PUBLIC KEY}) and X.509
 * {@code CERTIFICATE} (the subject key is taken; the certificate's validity and chain are not checked,
 * the SDK pins platform keys by key id instead). Blocks of other types (e.g. {@code EC PARAMETERS}) are
 * skipped. Errors never quote the PEM text.
 */
public final class PemKeys {

    private static final Logger LOG = LoggerFactory.getLogger(PemKeys.class);

    private PemKeys() {
    }

    /** Reads the first private key in an unencrypted PEM text. */
    public static PrivateKeyMaterial privateKey(String pem) {
        return privateKey(pem, null);
    }

    /**
     * Reads the first private key in a PEM text; {@code password} decrypts an
     * {@code ENCRYPTED PRIVATE KEY} (PBES2 as OpenSSL 3 writes it, or the legacy PKCS#12 schemes).
     */
    public static PrivateKeyMaterial privateKey(String pem, char[] password) {
        for (PemObject block : blocks(pem)) {
            PrivateKeyInfo info = privateKeyInfo(block, password);
            if (info != null) {
                PrivateKeyMaterial key;
                try {
                    key = PrivateKeyMaterial.of(PrivateKeyFactory.createKey(info));
                } catch (CryptoException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    // Bouncy Castle answers some malformed keys (an unknown curve OID, a wrong ASN.1 type) with
                    // NullPointerException or ClassCastException: all of them are an unusable key here.
                    throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                            "PEM " + block.getType() + " block does not hold a usable private key", e);
                }
                LOG.debug("Loaded {} private key from PEM {} block (public fingerprint {})",
                        key.algorithm(), block.getType(), key.publicKey().defaultKeyId());
                return key;
            }
        }
        throw new CryptoException(CryptoException.Reason.MALFORMED,
                "no private key block in PEM text (expected PRIVATE KEY, ENCRYPTED PRIVATE KEY, EC PRIVATE KEY, SM2 PRIVATE KEY or RSA PRIVATE KEY)");
    }

    /** Reads the private key in a PEM file. */
    public static PrivateKeyMaterial privateKey(Path file) {
        return privateKey(read(file), null);
    }

    /** Reads the private key in a PEM file, decrypting it with {@code password} if it is encrypted. */
    public static PrivateKeyMaterial privateKey(Path file, char[] password) {
        return privateKey(read(file), password);
    }

    /**
     * Reads the first private key in PEM bytes, e.g. a classpath resource
     * ({@code getClass().getResourceAsStream("/keys/app.pem")}) or a secret store's value; {@code password} may be
     * {@code null}. Reads the stream to its end and leaves closing it to the caller.
     */
    public static PrivateKeyMaterial privateKey(InputStream in, char[] password) {
        return privateKey(readAll(in, "private key"), password);
    }

    /** Reads the first private key in PEM bytes; {@code password} may be {@code null}. */
    public static PrivateKeyMaterial privateKey(byte[] pem, char[] password) {
        return privateKey(ascii(pem), password);
    }

    /** Reads the first public key or certificate in PEM bytes (a stream read to its end, not closed). */
    public static PublicKeyMaterial publicKey(InputStream in) {
        return publicKey(readAll(in, "public key"));
    }

    /** Reads the first public key or certificate in PEM bytes. */
    public static PublicKeyMaterial publicKey(byte[] pem) {
        return publicKey(ascii(pem));
    }

    /** Reads the first public key or certificate in a PEM text. */
    public static PublicKeyMaterial publicKey(String pem) {
        for (PemObject block : blocks(pem)) {
            SubjectPublicKeyInfo info = subjectPublicKeyInfo(block);
            if (info != null) {
                PublicKeyMaterial key;
                try {
                    key = PublicKeyMaterial.of(PublicKeyFactory.createKey(info));
                } catch (CryptoException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    // Bouncy Castle answers some malformed keys (an unknown curve OID, a wrong ASN.1 type) with
                    // NullPointerException or ClassCastException: all of them are an unusable key here.
                    throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                            "PEM " + block.getType() + " block does not hold a usable public key", e);
                }
                LOG.debug("Loaded {} public key from PEM {} block (fingerprint {})",
                        key.algorithm(), block.getType(), key.defaultKeyId());
                return key;
            }
        }
        throw new CryptoException(CryptoException.Reason.MALFORMED,
                "no public key block in PEM text (expected PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE)");
    }

    /** Reads the public key or certificate in a PEM file. */
    public static PublicKeyMaterial publicKey(Path file) {
        return publicKey(read(file));
    }

    private static String ascii(byte[] pem) {
        if (pem == null) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "PEM bytes are null");
        }
        return new String(pem, StandardCharsets.US_ASCII);
    }

    static String readAll(InputStream in, String what) {
        if (in == null) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    what + " stream is null (a classpath resource that does not exist?)");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
            }
            return new String(out.toByteArray(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, what + " stream cannot be read", e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "key file cannot be read: " + file, e);
        }
    }

    private static List<PemObject> blocks(String pem) {
        if (pem == null) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "PEM text is null");
        }
        List<PemObject> blocks = new ArrayList<PemObject>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject block;
            while ((block = reader.readPemObject()) != null) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            // The reader's own message may quote the damaged line: do not chain it.
            throw new CryptoException(CryptoException.Reason.MALFORMED, "PEM text is not valid (bad Base64 or unterminated block)");
        }
        return blocks;
    }

    private static PrivateKeyInfo privateKeyInfo(PemObject block, char[] password) {
        String type = block.getType();
        try {
            switch (type) {
                case "PRIVATE KEY":
                    return PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(block.getContent()));
                case "ENCRYPTED PRIVATE KEY":
                    return decrypt(block.getContent(), password);
                case "EC PRIVATE KEY":
                case "SM2 PRIVATE KEY":
                    rejectLegacyEncryption(block);
                    ECPrivateKey ec = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(block.getContent()));
                    if (ec.getParametersObject() == null) {
                        throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                                "PEM " + type + " block names no curve; write it as PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
                    }
                    return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()), ec);
                case "RSA PRIVATE KEY":
                    rejectLegacyEncryption(block);
                    RSAPrivateKey rsa = RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(block.getContent()));
                    return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa);
                default:
                    return null;
            }
        } catch (CryptoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's parsers answer hostile DER with IllegalArgumentException, ClassCastException or a
            // NullPointerException (an ASN.1 NULL where a structure belongs): all of them are a malformed block.
            throw new CryptoException(CryptoException.Reason.MALFORMED, "PEM " + type + " block is not valid DER");
        }
    }

    private static PrivateKeyInfo decrypt(byte[] der, char[] password) throws IOException {
        if (password == null) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "PEM ENCRYPTED PRIVATE KEY needs a password");
        }
        try {
            return new PKCS8EncryptedPrivateKeyInfo(der).decryptPrivateKeyInfo(PasswordDecryptors.forPassword(password));
        } catch (PKCSException | RuntimeException e) {
            PasswordDecryptors.rethrowCostLimit(e);
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "PEM ENCRYPTED PRIVATE KEY cannot be decrypted: wrong password, damaged data or unsupported scheme");
        }
    }

    private static void rejectLegacyEncryption(PemObject block) {
        for (Object h : block.getHeaders()) {
            PemHeader header = (PemHeader) h;
            if ("Proc-Type".equalsIgnoreCase(header.getName()) && header.getValue().contains("ENCRYPTED")) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                        "PEM " + block.getType() + " block uses legacy OpenSSL encryption; convert it to encrypted PKCS#8 (openssl pkcs8 -topk8)");
            }
        }
    }

    private static SubjectPublicKeyInfo subjectPublicKeyInfo(PemObject block) {
        String type = block.getType();
        try {
            switch (type) {
                case "PUBLIC KEY":
                    return SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(block.getContent()));
                case "RSA PUBLIC KEY":
                    RSAPublicKey rsa = RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(block.getContent()));
                    return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa);
                case "CERTIFICATE":
                    return Certificate.getInstance(ASN1Primitive.fromByteArray(block.getContent())).getSubjectPublicKeyInfo();
                default:
                    return null;
            }
        } catch (CryptoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's parsers answer hostile DER with IllegalArgumentException, ClassCastException or a
            // NullPointerException (an ASN.1 NULL where a structure belongs): all of them are a malformed block.
            throw new CryptoException(CryptoException.Reason.MALFORMED, "PEM " + type + " block is not valid DER");
        }
    }
}
