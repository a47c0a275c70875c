package org.haochaping.crypto.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.cipher.Sm2CiphertextLayout;
import org.haochaping.crypto.cipher.Sm2Encryptor;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * Seals JSON arrays of records into {@link NationalEnvelope}s for the platform: the SDK side of the
 * national report style. The app word (the application secret) is held here and never printed.
 * Thread-safe.
 */
public final class EnvelopeSealer {

    private final String appMark;
    private final byte[] appWord;
    private final Sm2Encryptor encryptor;
    private final CiphertextEncoding encoding;
    private final Clock clock;
    private final EnvelopeSign signCoverage;

    private EnvelopeSealer(Builder builder) {
        this.appMark = builder.appMark;
        this.appWord = builder.appWord;
        this.encryptor = Sm2Encryptor.of(builder.platformKey, builder.layout);
        this.encoding = builder.encoding;
        this.clock = builder.clock;
        this.signCoverage = builder.signCoverage;
    }

    /** Starts a sealer for the platform's SM2 public key. */
    public static Builder builder(PublicKeyMaterial platformKey) {
        return new Builder(platformKey);
    }

    /**
     * Seals the UTF-8 bytes of a JSON array of records (as the wire profile writes it).
     *
     * @throws IllegalArgumentException when the bytes do not start with a JSON array
     */
    public NationalEnvelope seal(byte[] recordsJsonArray) {
        if (recordsJsonArray == null || !startsWithArray(recordsJsonArray)) {
            throw new IllegalArgumentException("params.data must be a JSON array of records");
        }
        String time = EnvelopeTime.format(clock.instant());
        byte[] signPlain = signPlaintext(signCoverage, time, appMark, appWord, recordsJsonArray);
        String sign = encoding.encode(encryptor.encrypt(signPlain));
        String data = encoding.encode(encryptor.encrypt(recordsJsonArray));
        return new NationalEnvelope(appMark, time, sign, data);
    }

    public NationalEnvelope seal(String recordsJsonArray) {
        return seal(recordsJsonArray == null ? null : recordsJsonArray.getBytes(StandardCharsets.UTF_8));
    }

    /** The plaintext of {@code sign} (see {@link EnvelopeSign}); sealer and opener compute it here alone. */
    static byte[] signPlaintext(EnvelopeSign coverage, String time, String appMark, byte[] appWord, byte[] records) {
        byte[] timeAndApp = concat((time + appMark).getBytes(StandardCharsets.UTF_8), appWord);
        if (coverage == EnvelopeSign.TIME_AND_APP) {
            return timeAndApp;
        }
        return concat(timeAndApp, Sm3.hex(records).getBytes(StandardCharsets.US_ASCII));
    }

    static boolean startsWithArray(byte[] json) {
        for (byte b : json) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '[';
        }
        return false;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "EnvelopeSealer[appMark " + appMark + ", " + encryptor.layout() + ", " + encoding + ", " + signCoverage + "]";
    }

    /** Options of an {@link EnvelopeSealer}. */
    public static final class Builder {
        private final PublicKeyMaterial platformKey;
        private String appMark;
        private byte[] appWord;
        private Sm2CiphertextLayout layout = Sm2CiphertextLayout.C1C3C2;
        private CiphertextEncoding encoding = CiphertextEncoding.HEX;
        private Clock clock = Clock.systemUTC();
        private EnvelopeSign signCoverage = EnvelopeSign.DATA_BOUND;

        private Builder(PublicKeyMaterial platformKey) {
            if (platformKey == null) {
                throw new IllegalArgumentException("platform key is null");
            }
            this.platformKey = platformKey;
        }

        /** The application id the platform assigned ({@code appMark}). */
        public Builder appMark(String appMark) {
            this.appMark = AppMarks.require(appMark);
            return this;
        }

        /** The application secret ({@code appWord}); copied as UTF-8. */
        public Builder appWord(String appWord) {
            if (appWord == null || appWord.isEmpty()) {
                throw new IllegalArgumentException("appWord is required");
            }
            this.appWord = appWord.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** SM2 ciphertext layout; default C1C3C2. */
        public Builder layout(Sm2CiphertextLayout layout) {
            if (layout == null) {
                throw new IllegalArgumentException("layout is null");
            }
            this.layout = layout;
            return this;
        }

        /** Text form of the ciphertexts; default HEX. */
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

        /** What {@code sign} covers; default {@link EnvelopeSign#DATA_BOUND}. The platform's opener must agree. */
        public Builder sign(EnvelopeSign coverage) {
            if (coverage == null) {
                throw new IllegalArgumentException("sign coverage is null");
            }
            this.signCoverage = coverage;
            return this;
        }

        public EnvelopeSealer build() {
            if (appMark == null || appWord == null) {
                throw new IllegalStateException("appMark and appWord are required");
            }
            return new EnvelopeSealer(this);
        }
    }
}
