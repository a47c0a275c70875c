package org.haochaping.crypto.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.bc.BcPKCS12PBMac1CalculatorBuilderProvider;
import org.haochaping.crypto.CryptoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a private key from a PKCS#12 ({@code .p12}, {@code .pfx}) file with Bouncy Castle's
 * {@code PKCS12PfxPdu} and lightweight decryptors, never the JDK's {@code KeyStore} (which cannot read
 * SM2 keys reliably) nor a JCA provider. The integrity MAC is checked before anything is decrypted.
 * Reads what OpenSSL 3 writes by default (PBES2 with AES-256-CBC, HMAC-SHA256 MAC), its {@code -legacy}
 * form (3DES / RC2) and PBMAC1 files.
 */
public final class Pkcs12Keys {

    private static final Logger LOG = LoggerFactory.getLogger(Pkcs12Keys.class);

    private Pkcs12Keys() {
    }

    /** The only private key in the file; fails when there is none or more than one. */
    public static PrivateKeyMaterial privateKey(byte[] pkcs12, char[] password) {
        return select(read(pkcs12, password), null);
    }

    /** The private key whose {@code friendlyName} (the alias {@code openssl pkcs12 -name} sets) is {@code alias}. */
    public static PrivateKeyMaterial privateKey(byte[] pkcs12, char[] password, String alias) {
        if (alias == null) {
            throw new IllegalArgumentException("alias is null");
        }
        return select(read(pkcs12, password), alias);
    }

    /** Reads the only private key of a PKCS#12 file. */
    public static PrivateKeyMaterial privateKey(Path file, char[] password) {
        try {
            return privateKey(Files.readAllBytes(file), password);
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "PKCS#12 file cannot be read: " + file, e);
        }
    }

    /** Reads the only private key of a PKCS#12 stream (read to its end, not closed), e.g. a classpath resource. */
    public static PrivateKeyMaterial privateKey(InputStream in, char[] password) {
        if (in == null) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "PKCS#12 stream is null (a classpath resource that does not exist?)");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
            }
            return privateKey(out.toByteArray(), password);
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "PKCS#12 stream cannot be read", e);
        }
    }

    private static final class Entry {
        final String alias;
        final PrivateKeyMaterial key;

        Entry(String alias, PrivateKeyMaterial key) {
            this.alias = alias;
            this.key = key;
        }
    }

    private static PrivateKeyMaterial select(List<Entry> entries, String alias) {
        List<Entry> matching = new ArrayList<Entry>();
        for (Entry entry : entries) {
            if (alias == null || alias.equals(entry.alias)) {
                matching.add(entry);
            }
        }
        if (matching.isEmpty()) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    alias == null ? "PKCS#12 file holds no private key" : "PKCS#12 file holds no private key named '" + alias + "'");
        }
        if (matching.size() > 1) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "PKCS#12 file holds " + matching.size() + " private keys; name one by its alias");
        }
        PrivateKeyMaterial key = matching.get(0).key;
        LOG.debug("Loaded {} private key from PKCS#12 (public fingerprint {})", key.algorithm(), key.publicKey().defaultKeyId());
        return key;
    }

    private static List<Entry> read(byte[] pkcs12, char[] password) {
        if (pkcs12 == null || password == null) {
            throw new IllegalArgumentException("PKCS#12 bytes and password are required");
        }
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(pkcs12);
        } catch (IOException | RuntimeException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "not a PKCS#12 (PFX) structure");
        }
        if (pfx.toASN1Structure() == null) {
            // Found by the fuzz target: Bouncy Castle accepts empty input and leaves the structure null.
            throw new CryptoException(CryptoException.Reason.MALFORMED, "not a PKCS#12 (PFX) structure (empty)");
        }
        checkMac(pfx, password);
        InputDecryptorProvider decryptors = PasswordDecryptors.forPassword(password);
        List<Entry> keys = new ArrayList<Entry>();
        List<X509CertificateHolder> certificates = new ArrayList<X509CertificateHolder>();
        try {
            for (ContentInfo content : pfx.getContentInfos()) {
                PKCS12SafeBagFactory bags = PKCSObjectIdentifiers.encryptedData.equals(content.getContentType())
                        ? new PKCS12SafeBagFactory(content, decryptors)
                        : new PKCS12SafeBagFactory(content);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(bag.getType())) {
                        PrivateKeyInfo info = ((PKCS8EncryptedPrivateKeyInfo) bag.getBagValue()).decryptPrivateKeyInfo(decryptors);
                        keys.add(new Entry(friendlyName(bag), PrivateKeyMaterial.of(PrivateKeyFactory.createKey(info))));
                    } else if (PKCSObjectIdentifiers.keyBag.equals(bag.getType())) {
                        keys.add(new Entry(friendlyName(bag), PrivateKeyMaterial.of(PrivateKeyFactory.createKey((PrivateKeyInfo) bag.getBagValue()))));
                    } else if (PKCSObjectIdentifiers.certBag.equals(bag.getType())) {
                        certificates.add((X509CertificateHolder) bag.getBagValue());
                    }
                }
            }
        } catch (PKCSException | IOException | ClassCastException | IllegalArgumentException | IllegalStateException
                | NullPointerException e) { // Bouncy Castle: NullPointerException for an unknown curve OID
            PasswordDecryptors.rethrowCostLimit(e);
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "PKCS#12 content cannot be decrypted or read: wrong password, damaged file or unsupported scheme");
        }
        checkCertificates(keys, certificates);
        return keys;
    }

    private static void checkMac(PKCS12PfxPdu pfx, char[] password) {
        if (!pfx.hasMac()) {
            return;
        }
        boolean pbmac1 = PKCSObjectIdentifiers.id_PBMAC1.equals(pfx.getMacAlgorithmID().getAlgorithm());
        PKCS12MacCalculatorBuilderProvider macs = pbmac1
                ? new BcPKCS12PBMac1CalculatorBuilderProvider()
                : new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE);
        try {
            if (pbmac1) {
                AlgorithmIdentifier kdf = PBMAC1Params.getInstance(pfx.getMacAlgorithmID().getParameters())
                        .getKeyDerivationFunc();
                PasswordDecryptors.checkIterations(PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount(),
                        "PKCS#12 integrity MAC (PBMAC1)");
            } else {
                PasswordDecryptors.checkIterations(pfx.toASN1Structure().getMacData().getIterationCount(),
                        "PKCS#12 integrity MAC");
            }
        } catch (PasswordDecryptors.CostLimitExceeded tooCostly) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, tooCostly.getMessage());
        } catch (RuntimeException malformed) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "PKCS#12 integrity MAC parameters are malformed");
        }
        boolean valid;
        try {
            valid = pfx.isMacValid(macs, password);
        } catch (PKCSException | RuntimeException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "PKCS#12 integrity MAC cannot be checked (unsupported MAC algorithm)");
        }
        if (!valid) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "PKCS#12 integrity check failed: wrong password or damaged file");
        }
    }

    /** A certificate in the same file that claims a key must carry that key's public half. */
    private static void checkCertificates(List<Entry> keys, List<X509CertificateHolder> certificates) {
        if (keys.size() != 1 || certificates.isEmpty()) {
            return;
        }
        PublicKeyMaterial expected = keys.get(0).key.publicKey();
        for (X509CertificateHolder certificate : certificates) {
            try {
                PublicKeyMaterial certified = PublicKeyMaterial.of(PublicKeyFactory.createKey(certificate.getSubjectPublicKeyInfo()));
                if (certified.equals(expected)) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // A CA certificate with another key type: not the end-entity certificate, keep looking.
                LOG.debug("Skipping a PKCS#12 certificate whose key the SDK does not use");
            }
        }
        throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                "PKCS#12 certificates do not match its private key (mixed-up file?)");
    }

    private static String friendlyName(PKCS12SafeBag bag) {
        Attribute[] attributes = bag.getAttributes();
        if (attributes == null) {
            return null;
        }
        for (Attribute attribute : attributes) {
            if (PKCS12SafeBag.friendlyNameAttribute.equals(attribute.getAttrType())) {
                ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
                if (value instanceof ASN1String) {
                    return ((ASN1String) value).getString();
                }
            }
        }
        return null;
    }
}
