package org.haochaping.crypto.keys;

import java.io.InputStream;
import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.io.CipherInputStream;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEInputDecryptorProviderBuilder;
import org.haochaping.crypto.CryptoException;

/**
 * Password-based decryption of PKCS#8 keys and PKCS#12 bags without a JCA provider. Bouncy Castle's
 * lightweight {@code BcPKCS12PBEInputDecryptorProviderBuilder} covers only the legacy PKCS#12 schemes
 * (3DES, RC2: what {@code openssl pkcs12 -legacy} writes); OpenSSL 3 writes PBES2 (PBKDF2 with
 * HMAC-SHA256 and AES-256-CBC) by default, so PBES2 is decrypted here with lightweight classes.
 */
final class PasswordDecryptors {

    /**
     * The most key-derivation iterations a key file may ask for (PBKDF2, the PKCS#12 KDF, the PKCS#12 MAC).
     * Derivation cost is linear in the count and the count is read from the file before any password is
     * checked, so a file asking for 10^7 iterations would hang the loader for seconds: one million is far above
     * what OpenSSL 3 (2048), Java's keytool (10,000) or the OWASP advice for PBKDF2-HMAC-SHA256 (600,000) use.
     */
    static final int MAX_ITERATIONS = 1_000_000;

    private PasswordDecryptors() {
    }

    /** A key file asked for more derivation work than {@link #MAX_ITERATIONS}; nothing was derived. */
    static final class CostLimitExceeded extends OperatorCreationException {
        private static final long serialVersionUID = 1L;

        CostLimitExceeded(String message) {
            super(message);
        }
    }

    /**
     * @throws CostLimitExceeded when {@code iterations} is not between 1 and {@link #MAX_ITERATIONS}
     */
    static void checkIterations(BigInteger iterations, String where) throws CostLimitExceeded {
        if (iterations == null || iterations.signum() <= 0 || iterations.bitLength() > 31
                || iterations.intValue() > MAX_ITERATIONS) {
            throw new CostLimitExceeded(where + " asks for " + iterations + " key-derivation iterations; the limit is "
                    + MAX_ITERATIONS + " (a damaged or hostile key file)");
        }
    }

    /**
     * Bouncy Castle wraps what a decryptor provider throws; when the cause was the iteration limit, this
     * throws it as a {@link CryptoException} of its own, so that the message says what happened.
     */
    static void rethrowCostLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CostLimitExceeded) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, t.getMessage());
            }
        }
    }

    static InputDecryptorProvider forPassword(final char[] password) {
        final InputDecryptorProvider legacy = new BcPKCS12PBEInputDecryptorProviderBuilder().build(password);
        return new InputDecryptorProvider() {
            @Override
            public InputDecryptor get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                if (PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
                    return pbes2(algorithm, password);
                }
                try {
                    checkIterations(PKCS12PBEParams.getInstance(algorithm.getParameters()).getIterations(),
                            "PKCS#12 password-based encryption");
                } catch (IllegalArgumentException | NullPointerException malformed) {
                    throw new OperatorCreationException("malformed PKCS#12 PBE parameters");
                }
                try {
                    return legacy.get(algorithm);
                } catch (RuntimeException e) {
                    throw new OperatorCreationException("unsupported password-based encryption " + algorithm.getAlgorithm(), e);
                }
            }
        };
    }

    private static InputDecryptor pbes2(final AlgorithmIdentifier algorithm, char[] password) throws OperatorCreationException {
        PBES2Parameters params = PBES2Parameters.getInstance(algorithm.getParameters());
        KeyDerivationFunc kdf = params.getKeyDerivationFunc();
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw new OperatorCreationException("unsupported PBES2 key derivation " + kdf.getAlgorithm());
        }
        PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(kdf.getParameters());
        EncryptionScheme scheme = params.getEncryptionScheme();
        ASN1ObjectIdentifier cipherOid = scheme.getAlgorithm();
        BlockCipher engine;
        int keyBytes;
        if (NISTObjectIdentifiers.id_aes128_CBC.equals(cipherOid)) {
            engine = AESEngine.newInstance();
            keyBytes = 16;
        } else if (NISTObjectIdentifiers.id_aes192_CBC.equals(cipherOid)) {
            engine = AESEngine.newInstance();
            keyBytes = 24;
        } else if (NISTObjectIdentifiers.id_aes256_CBC.equals(cipherOid)) {
            engine = AESEngine.newInstance();
            keyBytes = 32;
        } else if (GMObjectIdentifiers.sms4_cbc.equals(cipherOid)) {
            engine = new SM4Engine();
            keyBytes = 16;
        } else if (PKCSObjectIdentifiers.des_EDE3_CBC.equals(cipherOid)) {
            engine = new DESedeEngine();
            keyBytes = 24;
        } else {
            throw new OperatorCreationException("unsupported PBES2 cipher " + cipherOid);
        }
        if (pbkdf2.getKeyLength() != null && pbkdf2.getKeyLength().intValue() != keyBytes) {
            throw new OperatorCreationException("PBKDF2 key length does not match the cipher");
        }
        checkIterations(pbkdf2.getIterationCount(), "PBKDF2");
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf(pbkdf2.getPrf()));
        generator.init(PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password), pbkdf2.getSalt(),
                pbkdf2.getIterationCount().intValue());
        KeyParameter key = (KeyParameter) generator.generateDerivedParameters(keyBytes * 8);
        byte[] iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
        final PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine), new PKCS7Padding());
        cipher.init(false, new ParametersWithIV(key, iv));
        return new InputDecryptor() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public InputStream getInputStream(InputStream input) {
                return new CipherInputStream(input, cipher);
            }
        };
    }

    private static Digest prf(AlgorithmIdentifier prf) throws OperatorCreationException {
        ASN1ObjectIdentifier oid = prf.getAlgorithm();
        if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(oid)) {
            return new SHA256Digest();
        }
        if (PKCSObjectIdentifiers.id_hmacWithSHA1.equals(oid)) {
            return new SHA1Digest();
        }
        if (PKCSObjectIdentifiers.id_hmacWithSHA512.equals(oid)) {
            return new SHA512Digest();
        }
        if (GMObjectIdentifiers.hmac_sm3.equals(oid)) {
            return new SM3Digest();
        }
        throw new OperatorCreationException("unsupported PBKDF2 PRF " + oid);
    }
}
