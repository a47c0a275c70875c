package org.haochaping.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.cipher.Sm2CiphertextLayout;
import org.haochaping.crypto.cipher.Sm2Encryptor;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defects 1 and 9: a captured envelope must not be accepted again, however it is re-spelled, with
 * other records, or in the last second of its window.
 */
class EnvelopeReplayTest {

    static final Instant NOW = NationalEnvelopeTest.NOW;
    static final String FOREIGN = "[{\"projectNo\":\"FORGED-0001\",\"satisfaction\":\"1\"}]";

    static EnvelopeOpener opener(Clock clock) {
        return EnvelopeOpener.builder(NationalEnvelopeTest.PLATFORM).app("TJ_HCP_0042", "w0rd-of-the-app").clock(clock).build();
    }

    static CryptoException.Reason reason(Runnable action) {
        return NationalEnvelopeTest.reason(action);
    }

    @Test
    void reSpelledSignIsAReplayOrMalformed() {
        NationalEnvelope original = NationalEnvelopeTest.sealer(NOW).seal(NationalEnvelopeTest.RECORDS);
        EnvelopeOpener opener = opener(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(opener.open(original).recordsText()).isEqualTo(NationalEnvelopeTest.RECORDS);

        String upper = original.sign().toUpperCase(Locale.ROOT);
        String noPrefix = original.sign().substring(2); // C1 without its 04 byte, as JavaScript libraries write it
        String hybrid = (Hex.decode(original.sign().substring(128, 130))[0] & 1) == 0
                ? "06" + original.sign().substring(2) : "07" + original.sign().substring(2); // hybrid point encoding
        String[][] respellings = {{"upper-case hex", upper}, {"no 04 prefix", noPrefix}, {"hybrid point", hybrid}};
        for (String[] respelled : respellings) {
            NationalEnvelope replay = new NationalEnvelope(original.appMark(), original.time(), respelled[1], original.data());
            assertThat(reason(() -> opener.open(replay))).as(respelled[0])
                    .isNotNull();
        }
        NationalEnvelope upperData = new NationalEnvelope(original.appMark(), original.time(), original.sign(),
                original.data().toUpperCase(Locale.ROOT));
        assertThat(reason(() -> opener.open(upperData))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void reSpelledSignIsAReplayOnAFreshOpenerToo() {
        // the no-prefix spelling is accepted by design (interop); the replay key is the encryption, not the text
        NationalEnvelope original = NationalEnvelopeTest.sealer(NOW).seal(NationalEnvelopeTest.RECORDS);
        EnvelopeOpener opener = opener(Clock.fixed(NOW, ZoneOffset.UTC));
        NationalEnvelope noPrefix = new NationalEnvelope(original.appMark(), original.time(), original.sign().substring(2), original.data());
        assertThat(reason(() -> opener.open(noPrefix))).isNull();
        assertThat(reason(() -> opener.open(original))).isEqualTo(CryptoException.Reason.REPLAYED);
    }

    @Test
    void capturedSignWithForeignRecordsIsRefused() {
        NationalEnvelope original = NationalEnvelopeTest.sealer(NOW).seal(NationalEnvelopeTest.RECORDS);
        String foreignData = Hex.toHexString(Sm2Encryptor.of(NationalEnvelopeTest.PLATFORM.publicKey(), Sm2CiphertextLayout.C1C3C2)
                .encrypt(FOREIGN.getBytes(StandardCharsets.UTF_8)));
        NationalEnvelope forged = new NationalEnvelope(original.appMark(), original.time(), original.sign(), foreignData);
        // delivered before the original (the attacker is on the path): the sign does not cover these records
        assertThat(reason(() -> opener(Clock.fixed(NOW, ZoneOffset.UTC)).open(forged)))
                .isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void timeAndAppSignIsTheNationalStyleWhenBothSidesAgree() {
        EnvelopeSealer legacy = EnvelopeSealer.builder(NationalEnvelopeTest.PLATFORM.publicKey()).appMark("TJ_HCP_0042")
                .appWord("w0rd-of-the-app").sign(EnvelopeSign.TIME_AND_APP).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        NationalEnvelope envelope = legacy.seal(NationalEnvelopeTest.RECORDS);
        assertThat(reason(() -> opener(Clock.fixed(NOW, ZoneOffset.UTC)).open(envelope)))
                .isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        EnvelopeOpener legacyOpener = EnvelopeOpener.builder(NationalEnvelopeTest.PLATFORM).app("TJ_HCP_0042", "w0rd-of-the-app")
                .sign(EnvelopeSign.TIME_AND_APP).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        assertThat(legacyOpener.open(envelope).recordsText()).isEqualTo(NationalEnvelopeTest.RECORDS);
        // even there, one encryption of sign is accepted once, however it is spelled
        NationalEnvelope noPrefix = new NationalEnvelope(envelope.appMark(), envelope.time(), envelope.sign().substring(2), envelope.data());
        assertThat(reason(() -> legacyOpener.open(noPrefix))).isEqualTo(CryptoException.Reason.REPLAYED);
        assertThat(Sm3.hex(new byte[0])).hasSize(64);
    }

    @Test
    void lastSecondReplayOfTheWindowIsRefused() {
        NationalEnvelope envelope = NationalEnvelopeTest.sealer(NOW).seal(NationalEnvelopeTest.RECORDS);
        MutableClock clock = new MutableClock(NOW);
        EnvelopeOpener opener = opener(clock);
        assertThat(reason(() -> opener.open(envelope))).isNull();
        clock.now = NOW.plusMillis(300_500); // time + 300.5 s: still within the whole-second window
        assertThat(reason(() -> opener.open(envelope))).isEqualTo(CryptoException.Reason.REPLAYED);
        clock.now = NOW.plusMillis(300_999);
        assertThat(reason(() -> opener.open(envelope))).isEqualTo(CryptoException.Reason.REPLAYED);
        clock.now = NOW.plusSeconds(301);
        assertThat(reason(() -> opener.open(envelope))).isEqualTo(CryptoException.Reason.EXPIRED);
    }

    /** A clock the test moves; read by one thread. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
