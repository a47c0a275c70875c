package org.haochaping.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.cipher.Sm2CiphertextLayout;
import org.haochaping.crypto.cipher.Sm2Decryptor;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.InMemoryReplayGuard;
import org.haochaping.crypto.request.ReplayGuard;

/**
 * Opens national envelopes with the platform's private key: the platform side, used by the simulated
 * central platform of the conformance kit. Checks, in order: a known {@code appMark}
 * ({@code UNKNOWN_KEY}), {@code time} within the allowed skew ({@code EXPIRED}), strictly spelled
 * ciphertexts ({@code MALFORMED}), that {@code sign} decrypts to what {@link EnvelopeSign} says it covers,
 * by default {@code time + appMark + appWord + hex(SM3(records))} (compared in constant time;
 * {@code SIGNATURE_INVALID}), and that this encryption of {@code sign} was not accepted before within the
 * window ({@code REPLAYED}). The replay key is the ciphertext's check value C3, not its text: one encryption
 * however it is re-spelled (SM2 encryption is randomised, so an honest sender never repeats one). Thread-safe;
 * apps can be registered while in use.
 */
public final class EnvelopeOpener {

    private final Sm2Decryptor decryptor;
    private final CiphertextEncoding encoding;
    private final Clock clock;
    private final Duration allowedSkew;
    private final ReplayGuard replayGuard;
    private final EnvelopeSign signCoverage;
    private final Map<String, byte[]> appWords = new ConcurrentHashMap<String, byte[]>();

    private EnvelopeOpener(Builder builder) {
        this.decryptor = Sm2Decryptor.of(builder.platformKey, builder.layout);
        this.encoding = builder.encoding;
        this.clock = builder.clock;
        this.allowedSkew = builder.allowedSkew;
        this.replayGuard = builder.replayGuard;
        this.signCoverage = builder.signCoverage;
        this.appWords.putAll(builder.appWords);
    }

    public static Builder builder(PrivateKeyMaterial platformKey) {
        return new Builder(platformKey);
    }

    /** Registers (or replaces) an application and its secret. */
    public void registerApp(String appMark, String appWord) {
        appWords.put(AppMarks.require(appMark), requireWord(appWord));
    }

    public OpenedEnvelope open(NationalEnvelope envelope) {
        if (envelope == null) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "envelope is missing");
        }
        String appMark = envelope.appMark();
        byte[] appWord = AppMarks.isValid(appMark) ? appWords.get(appMark) : null;
        if (appWord == null) {
            throw new CryptoException(CryptoException.Reason.UNKNOWN_KEY,
                    "envelope appMark " + (AppMarks.isValid(appMark) ? "'" + appMark + "'" : "(invalid)") + " is not registered");
        }
        Instant time = EnvelopeTime.parse(envelope.time());
        Instant now = clock.instant();
        long skew = Math.abs(now.getEpochSecond() - time.getEpochSecond());
        if (skew > allowedSkew.getSeconds()) {
            throw new CryptoException(CryptoException.Reason.EXPIRED,
                    "envelope time is " + skew + " s from this clock; at most " + allowedSkew.getSeconds() + " s are allowed");
        }
        byte[] signCiphertext = encoding.decode(envelope.sign(), "sign");
        byte[] dataCiphertext = encoding.decode(envelope.data(), "params.data");
        Sm2Decryptor.Decryption sign;
        try {
            sign = decryptor.decryptWithCheckValue(signCiphertext);
        } catch (CryptoException e) {
            if (e.reason() == CryptoException.Reason.MALFORMED) {
                throw e;
            }
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID,
                    "envelope sign does not decrypt under the platform key");
        }
        byte[] records = decryptor.decrypt(dataCiphertext);
        if (!EnvelopeSealer.startsWithArray(records)) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "envelope params.data does not decrypt to a JSON array");
        }
        byte[] expected = EnvelopeSealer.signPlaintext(signCoverage, envelope.time(), appMark, appWord, records);
        if (!Arrays.constantTimeAreEqual(expected, sign.plaintext())) {
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID, "envelope sign does not match "
                    + (signCoverage == EnvelopeSign.DATA_BOUND ? "time + appMark + appWord + SM3(params.data)" : "time + appMark + appWord")
                    + " of appMark '" + appMark + "'");
        }
        // Whole seconds are compared above, so the envelope stays acceptable until the end of second time + skew.
        long expiresAt = (time.getEpochSecond() + allowedSkew.getSeconds() + 1) * 1000L;
        if (!replayGuard.firstSeen(appMark + ':' + Hex.toHexString(sign.checkValue()), now.toEpochMilli(), expiresAt)) {
            throw new CryptoException(CryptoException.Reason.REPLAYED, "envelope sign was already accepted within the window");
        }
        return new OpenedEnvelope(appMark, time, records);
    }

    private static byte[] requireWord(String appWord) {
        if (appWord == null || appWord.isEmpty()) {
            throw new IllegalArgumentException("appWord is required");
        }
        return appWord.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EnvelopeOpener[" + decryptor.layout() + ", " + encoding + ", " + signCoverage + ", apps " + new TreeSet<String>(appWords.keySet()) + "]";
    }

    /** Options of an {@link EnvelopeOpener}. */
    public static final class Builder {
        private final PrivateKeyMaterial platformKey;
        private final Map<String, byte[]> appWords = new ConcurrentHashMap<String, byte[]>();
        private Sm2CiphertextLayout layout = Sm2CiphertextLayout.C1C3C2;
        private CiphertextEncoding encoding = CiphertextEncoding.HEX;
        private Clock clock = Clock.systemUTC();
        private Duration allowedSkew = Duration.ofMinutes(5);
        private ReplayGuard replayGuard = new InMemoryReplayGuard(100_000);
        private EnvelopeSign signCoverage = EnvelopeSign.DATA_BOUND;

        private Builder(PrivateKeyMaterial platformKey) {
            if (platformKey == null) {
                throw new IllegalArgumentException("platform key is null");
            }
            this.platformKey = platformKey;
        }

        public Builder app(String appMark, String appWord) {
            appWords.put(AppMarks.require(appMark), requireWord(appWord));
            return this;
        }

        public Builder layout(Sm2CiphertextLayout layout) {
            if (layout == null) {
                throw new IllegalArgumentException("layout is null");
            }
            this.layout = layout;
            return this;
        }

        public Builder encoding(CiphertextEncoding encoding) {
            if (encoding == null) {
                throw new IllegalArgumentException("encoding is null");
            }
            this.encoding = encoding;
            return this;
        }

        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock is null");
            }
            this.clock = clock;
            return this;
        }

        public Builder allowedSkew(Duration allowedSkew) {
            if (allowedSkew == null || allowedSkew.getSeconds() < 1) {
                throw new IllegalArgumentException("allowed skew must be at least one second");
            }
            this.allowedSkew = allowedSkew;
            return this;
        }

        public Builder replayGuard(ReplayGuard replayGuard) {
            if (replayGuard == null) {
                throw new IllegalArgumentException("replay guard is null");
            }
            this.replayGuard = replayGuard;
            return this;
        }

        /** What {@code sign} must cover; default {@link EnvelopeSign#DATA_BOUND}. The senders' sealers must agree. */
        public Builder sign(EnvelopeSign coverage) {
            if (coverage == null) {
                throw new IllegalArgumentException("sign coverage is null");
            }
            this.signCoverage = coverage;
            return this;
        }

        public EnvelopeOpener build() {
            return new EnvelopeOpener(this);
        }
    }
}
