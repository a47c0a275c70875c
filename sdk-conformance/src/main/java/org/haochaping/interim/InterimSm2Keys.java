package org.haochaping.interim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * INTERIM SM2 key files (see the package documentation): unencrypted PEM {@code PRIVATE KEY} (PKCS#8) and
 * {@code PUBLIC KEY} (SubjectPublicKeyInfo) on the SM2 curve, as written by
 * {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2} and {@code openssl pkey -pubout}.
 * The PEM decoding is deliberately minimal: one block, base64 between its BEGIN and END lines.
 */
public final class InterimSm2Keys {

    /** GM/T 0009 default signer ID. */
    static final byte[] DEFAULT_SIGNER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    static final String ALGORITHM = "SM2-SM3";
    private static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName("sm2p256v1");

    private InterimSm2Keys() {
    }

    /** Reads an SM2 private key; the message names the file and the problem, never key material. */
    public static ECPrivateKeyParameters readPrivateKey(Path pem) throws IOException {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(pemBlock(pem, "PRIVATE KEY"));
        } catch (RuntimeException e) {
            throw new IOException(pem + ": the PRIVATE KEY block is not a PKCS#8 structure");
        }
        if (!(key instanceof ECPrivateKeyParameters) || !onSm2Curve(((ECPrivateKeyParameters) key).getParameters())) {
            throw new IOException(pem + ": not an SM2 private key");
        }
        return (ECPrivateKeyParameters) key;
    }

    /** Reads an SM2 public key. */
    public static ECPublicKeyParameters readPublicKey(Path pem) throws IOException {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(pemBlock(pem, "PUBLIC KEY"));
        } catch (RuntimeException e) {
            throw new IOException(pem + ": the PUBLIC KEY block is not a SubjectPublicKeyInfo structure");
        }
        if (!(key instanceof ECPublicKeyParameters) || !onSm2Curve(((ECPublicKeyParameters) key).getParameters())) {
            throw new IOException(pem + ": not an SM2 public key");
        }
        return (ECPublicKeyParameters) key;
    }

    /** The public key that belongs to a private key (Q = dG). */
    public static ECPublicKeyParameters publicKeyOf(ECPrivateKeyParameters privateKey) {
        ECDomainParameters domain = privateKey.getParameters();
        return new ECPublicKeyParameters(domain.getG().multiply(privateKey.getD()).normalize(), domain);
    }

    /**
     * A short key id derived from the public key, so signer and verifier agree without configuration:
     * {@code sm2-} and the first 4 bytes, in hex, of SM3 over the uncompressed point {@code 04 || X || Y}.
     */
    public static String keyId(ECPublicKeyParameters publicKey) {
        byte[] point = publicKey.getQ().getEncoded(false);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(point, 0, point.length);
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return String.format(Locale.ROOT, "sm2-%02x%02x%02x%02x", digest[0], digest[1], digest[2], digest[3]);
    }

    private static boolean onSm2Curve(ECDomainParameters domain) {
        return domain.getCurve().equals(SM2_CURVE.getCurve()) && domain.getG().equals(SM2_CURVE.getG())
                && domain.getN().equals(SM2_CURVE.getN());
    }

    private static byte[] pemBlock(Path pem, String label) throws IOException {
        String text = new String(Files.readAllBytes(pem), StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(pem + ": no PEM block '" + label + "' (expected an unencrypted "
                    + (label.equals("PRIVATE KEY") ? "PKCS#8 private key" : "SubjectPublicKeyInfo public key") + ")");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException(pem + ": PEM block '" + label + "' is not valid base64");
        }
    }
}
