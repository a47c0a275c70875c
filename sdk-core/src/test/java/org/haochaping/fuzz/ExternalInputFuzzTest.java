package org.haochaping.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.haochaping.calendar.CalendarDataException;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.client.MalformedResponseException;
import org.haochaping.client.WorkOrderCallbacks;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.envelope.EnvelopeOpener;
import org.haochaping.crypto.envelope.NationalEnvelope;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.Pkcs12Keys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.scorecard.ScorecardInput;
import org.haochaping.scorecard.StatisticsRecordException;
import org.haochaping.wire.MalformedPayloadException;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

/**
 * Coverage-guided fuzz targets (Jazzer) for the sdk-core parsers that take outside bytes. {@code mvn verify} runs
 * each target on its seed corpus ({@code src/test/resources/org/haochaping/fuzz/ExternalInputFuzzTestInputs/<target>});
 * with {@code JAZZER_FUZZ=1} Jazzer fuzzes one target for its {@code maxDuration}. Commands: {@code docs/security.md},
 * "Fuzzing".
 */
class ExternalInputFuzzTest {

    private static final PayloadCodec UNIFIED = PayloadCodec.of(WireProfile.unified());
    private static final PayloadCodec NATIONAL = PayloadCodec.of(WireProfile.national());
    private static final Instant NOW = Instant.parse("2025-03-14T02:30:15Z");
    private static final PrivateKeyMaterial PLATFORM = PrivateKeyMaterial.generateSm2();
    private static final char[] PASSWORD = "fuzz-pass".toCharArray();
    private static final MessageSigner CALLBACK_SIGNER = MessageSigner.builder(
            Sm2Signer.builder(PLATFORM).keyId("plat-1").build()).appId("app-001").build();

    private static String utf8(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "10s")
    void unifiedPayload(byte[] data) throws Exception {
        Fuzzing.expect(() -> UNIFIED.decodeEvaluations(utf8(data)), MalformedPayloadException.class);
        Fuzzing.expect(() -> UNIFIED.decodeCases(utf8(data)), MalformedPayloadException.class);
    }

    @FuzzTest(maxDuration = "10s")
    void nationalPayload(byte[] data) throws Exception {
        Fuzzing.expect(() -> NATIONAL.decodeEvaluations(utf8(data)), MalformedPayloadException.class);
    }

    /** The envelope's JSON, then opening it (SM2 decryption, time window, replay) with a real platform key. */
    @FuzzTest(maxDuration = "10s")
    void nationalEnvelope(byte[] data) throws Exception {
        EnvelopeOpener opener = EnvelopeOpener.builder(PLATFORM).app("TJ_HCP_0042", "w0rd-of-the-app")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        Fuzzing.expect(() -> opener.open(NationalEnvelope.fromJson(data)), CryptoException.class);
    }

    @FuzzTest(maxDuration = "10s")
    void pemKeyFile(byte[] data) throws Exception {
        Fuzzing.expect(() -> PemKeys.privateKey(utf8(data)), CryptoException.class);
        Fuzzing.expect(() -> PemKeys.privateKey(utf8(data), PASSWORD), CryptoException.class);
        Fuzzing.expect(() -> PemKeys.publicKey(utf8(data)), CryptoException.class);
    }

    @FuzzTest(maxDuration = "10s")
    void pkcs12KeyFile(byte[] data) throws Exception {
        Fuzzing.expect(() -> Pkcs12Keys.privateKey(data, PASSWORD), CryptoException.class);
    }

    @FuzzTest(maxDuration = "10s")
    void statisticsLines(byte[] data) throws Exception {
        Fuzzing.expect(() -> ScorecardInput.readJsonLines(new StringReader(utf8(data))),
                StatisticsRecordException.class);
    }

    @FuzzTest(maxDuration = "10s")
    void calendarFile(byte[] data) throws Exception {
        Fuzzing.expect(() -> WorkingDayCalendar.builder().load(new StringReader(utf8(data)), "fuzz.tsv").build(),
                CalendarDataException.class, UncheckedIOException.class);
    }

    /**
     * A work-order callback whose signature is valid (the harness signs what the fuzzer writes), so that the body
     * parser is reached: the signature check alone would stop nearly every input.
     */
    @FuzzTest(maxDuration = "10s")
    void workOrderCallback(byte[] data) throws Exception {
        WorkOrderCallbacks callbacks = WorkOrderCallbacks.create("app-001",
                Sm2Verifier.builder().key("plat-1", PLATFORM.publicKey()).build(), Clock.systemUTC());
        Map<String, String> headers = CALLBACK_SIGNER.sign(MessageDirection.REQUEST, "app-001", "POST",
                "/hcp/callback", null, data).asMap();
        Fuzzing.expect(() -> callbacks.verify("POST", "/hcp/callback", null, headers, data),
                MalformedResponseException.class, CryptoException.class);
    }
}
