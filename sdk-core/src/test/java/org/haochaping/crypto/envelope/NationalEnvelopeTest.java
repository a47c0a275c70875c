package org.haochaping.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.cipher.Sm2CiphertextLayout;
import org.haochaping.crypto.cipher.Sm2Decryptor;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.junit.jupiter.api.Test;

/** The national envelope both ways: the SDK seals, the simulated platform opens. */
class NationalEnvelopeTest {

    static final Instant NOW = Instant.parse("2025-03-14T02:30:15Z"); // 10:30:15 in Beijing
    static final PrivateKeyMaterial PLATFORM = PrivateKeyMaterial.generateSm2();
    static final String RECORDS = "[{\"projectNo\":\"TJ-2025-0001\",\"satisfaction\":\"5\",\"userName\":\"张三\"}]";

    static EnvelopeSealer sealer(Instant now) {
        return EnvelopeSealer.builder(PLATFORM.publicKey()).appMark("TJ_HCP_0042").appWord("w0rd-of-the-app")
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    static EnvelopeOpener opener(Instant now) {
        return EnvelopeOpener.builder(PLATFORM).app("TJ_HCP_0042", "w0rd-of-the-app").clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    static CryptoException.Reason reason(Runnable action) {
        try {
            action.run();
            return null;
        } catch (CryptoException e) {
            return e.reason();
        }
    }

    @Test
    void sealedEnvelopeHasTheNationalShapeAndOpens() throws Exception {
        NationalEnvelope envelope = sealer(NOW).seal(RECORDS);
        JsonNode json = new ObjectMapper().readTree(envelope.toJson());
        assertThat(json.get("appMark").asText()).isEqualTo("TJ_HCP_0042");
        assertThat(json.get("time").asText()).isEqualTo("20250314103015");
        assertThat(json.get("sign").asText()).matches("[0-9a-f]+");
        assertThat(json.get("params").get("data").asText()).matches("[0-9a-f]+");
        assertThat(envelope.toJson()).doesNotContain("张三").doesNotContain("w0rd-of-the-app");

        // sign is SM2(time + appMark + appWord + hex(SM3(records))), readable with the platform key alone
        byte[] sign = Sm2Decryptor.of(PLATFORM, Sm2CiphertextLayout.C1C3C2).decrypt(Hex.decode(envelope.sign()));
        assertThat(new String(sign, StandardCharsets.UTF_8)).isEqualTo("20250314103015TJ_HCP_0042w0rd-of-the-app"
                + org.haochaping.crypto.Sm3.hex(RECORDS.getBytes(StandardCharsets.UTF_8)));

        OpenedEnvelope opened = opener(NOW.plusSeconds(20)).open(NationalEnvelope.fromJson(envelope.toJson()));
        assertThat(opened.appMark()).isEqualTo("TJ_HCP_0042");
        assertThat(opened.time()).isEqualTo(NOW);
        assertThat(opened.recordsText()).isEqualTo(RECORDS);
        assertThat(opened.toString()).doesNotContain("张三");
    }

    @Test
    void wrongAppWordUnknownAppExpiredAndReplayedAreRefused() {
        NationalEnvelope envelope = sealer(NOW).seal(RECORDS);
        EnvelopeOpener otherWord = EnvelopeOpener.builder(PLATFORM).app("TJ_HCP_0042", "another-word").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        assertThat(reason(() -> otherWord.open(envelope))).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        EnvelopeOpener noApps = EnvelopeOpener.builder(PLATFORM).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        assertThat(reason(() -> noApps.open(envelope))).isEqualTo(CryptoException.Reason.UNKNOWN_KEY);
        noApps.registerApp("TJ_HCP_0042", "w0rd-of-the-app");
        assertThat(reason(() -> noApps.open(envelope))).isNull();
        assertThat(reason(() -> noApps.open(envelope))).isEqualTo(CryptoException.Reason.REPLAYED);
        assertThat(reason(() -> opener(NOW.plus(Duration.ofMinutes(6))).open(envelope))).isEqualTo(CryptoException.Reason.EXPIRED);
        EnvelopeOpener otherKey = EnvelopeOpener.builder(PrivateKeyMaterial.generateSm2()).app("TJ_HCP_0042", "w0rd-of-the-app")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        assertThat(reason(() -> otherKey.open(envelope))).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void changedTimeOrAppMarkBreaksTheSign() {
        NationalEnvelope envelope = sealer(NOW).seal(RECORDS);
        NationalEnvelope otherTime = new NationalEnvelope(envelope.appMark(), "20250314103016", envelope.sign(), envelope.data());
        assertThat(reason(() -> opener(NOW).open(otherTime))).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        NationalEnvelope badTime = new NationalEnvelope(envelope.appMark(), "2025-03-14 10:30", envelope.sign(), envelope.data());
        assertThat(reason(() -> opener(NOW).open(badTime))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void tamperedDataFailsToDecrypt() {
        NationalEnvelope envelope = sealer(NOW).seal(RECORDS);
        String data = envelope.data();
        String flipped = data.substring(0, data.length() - 1) + (data.endsWith("0") ? "1" : "0");
        NationalEnvelope tampered = new NationalEnvelope(envelope.appMark(), envelope.time(), envelope.sign(), flipped);
        assertThat(reason(() -> opener(NOW).open(tampered))).isEqualTo(CryptoException.Reason.DECRYPTION_FAILED);
    }

    @Test
    void base64AndC1C2C3ProfilesRoundTrip() {
        EnvelopeSealer sealer = EnvelopeSealer.builder(PLATFORM.publicKey()).appMark("A1").appWord("secret-word")
                .layout(Sm2CiphertextLayout.C1C2C3).encoding(CiphertextEncoding.BASE64).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        EnvelopeOpener opener = EnvelopeOpener.builder(PLATFORM).app("A1", "secret-word")
                .layout(Sm2CiphertextLayout.C1C2C3).encoding(CiphertextEncoding.BASE64).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        NationalEnvelope envelope = sealer.seal(RECORDS);
        assertThat(opener.open(envelope).recordsText()).isEqualTo(RECORDS);
        EnvelopeOpener hexOpener = opener(NOW);
        assertThat(reason(() -> hexOpener.open(new NationalEnvelope("TJ_HCP_0042", envelope.time(), envelope.sign(), envelope.data()))))
                .isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void onlyJsonArraysAreSealedAndBrokenJsonIsMalformed() {
        assertThatThrownBy(() -> sealer(NOW).seal("{\"projectNo\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(reason(() -> NationalEnvelope.fromJson("{\"appMark\":\"a\"}"))).isEqualTo(CryptoException.Reason.MALFORMED);
        assertThat(reason(() -> NationalEnvelope.fromJson("not json"))).isEqualTo(CryptoException.Reason.MALFORMED);
        assertThat(reason(() -> NationalEnvelope.fromJson("[1]"))).isEqualTo(CryptoException.Reason.MALFORMED);
    }
}
