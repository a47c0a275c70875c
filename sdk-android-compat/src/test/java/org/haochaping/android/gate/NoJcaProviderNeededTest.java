package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDK's cryptography works with no Bouncy Castle JCA provider registered, as on Android, where "BC" is the
 * platform's own stripped copy (or absent) and an app must not depend on it. Each operation runs between two
 * looks at the provider list, which must not change and must hold no Bouncy Castle provider.
 *
 * <p>To extend: add the SDK's own signers, verifiers and ciphers to {@link #cryptoOperations()} as they arrive;
 * each operation returns true only when its result is right, so a silently broken operation also fails.
 */
class NoJcaProviderNeededTest {

    /** GB/T 32905-2016 (SM3), appendix A, example 1: SM3("abc"). */
    private static final String SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

    /** The default signer ID of GM/T 0009 when the parties agree on none. */
    private static final byte[] DEFAULT_SM2_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    @FunctionalInterface
    interface CryptoOperation {
        /** Runs the operation and tells whether its result is correct. */
        boolean runAndCheck() throws Exception;
    }

    static Stream<Named<CryptoOperation>> cryptoOperations() {
        return Stream.of(
                Named.of("SM3 digest (Bouncy Castle SM3Digest)", NoJcaProviderNeededTest::sm3OfAbcMatchesStandard),
                Named.of("SM2 sign and verify (Bouncy Castle SM2Signer)", NoJcaProviderNeededTest::sm2RoundTrip));
    }

    @BeforeEach
    void noBouncyCastleProviderToStartWith() {
        assertThat(Security.getProvider("BC")).as("a BC provider registered before the test").isNull();
    }

    @ParameterizedTest
    @MethodSource("cryptoOperations")
    void worksWithoutAnyBouncyCastleProvider(CryptoOperation operation) throws Exception {
        List<String> before = providerNames();
        assertThat(bouncyCastleProviders()).isEmpty();

        assertThat(operation.runAndCheck()).as("the operation's result").isTrue();

        assertThat(Security.getProvider("BC")).isNull();
        assertThat(bouncyCastleProviders()).isEmpty();
        assertThat(providerNames()).as("JCA providers after the operation").isEqualTo(before);
    }

    private static boolean sm3OfAbcMatchesStandard() {
        SM3Digest digest = new SM3Digest();
        byte[] message = "abc".getBytes(StandardCharsets.US_ASCII);
        digest.update(message, 0, message.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out).equals(SM3_ABC);
    }

    private static boolean sm2RoundTrip() throws CryptoException {
        X9ECParameters curve = GMNamedCurves.getByName("sm2p256v1");
        ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
        SecureRandom random = new SecureRandom();
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        AsymmetricCipherKeyPair keys = generator.generateKeyPair();
        byte[] message = "好差评 receipt 2021-08-01".getBytes(StandardCharsets.UTF_8);

        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(keys.getPrivate(), random), DEFAULT_SM2_ID));
        signer.update(message, 0, message.length);
        byte[] signature = signer.generateSignature();

        SM2Signer verifier = new SM2Signer();
        verifier.init(false, new ParametersWithID(keys.getPublic(), DEFAULT_SM2_ID));
        verifier.update(message, 0, message.length);
        boolean genuineVerifies = verifier.verifySignature(signature);

        byte[] tampered = message.clone();
        tampered[0] ^= 1;
        verifier.reset();
        verifier.update(tampered, 0, tampered.length);
        boolean tamperedRejected = !verifier.verifySignature(signature);
        return genuineVerifies && tamperedRejected;
    }

    private static List<String> providerNames() {
        return Arrays.stream(Security.getProviders()).map(Provider::getName).collect(Collectors.toList());
    }

    private static List<String> bouncyCastleProviders() {
        return Arrays.stream(Security.getProviders())
                .filter(p -> p.getClass().getName().startsWith("org.bouncycastle."))
                .map(Provider::getName)
                .collect(Collectors.toList());
    }
}
