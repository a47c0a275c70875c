package org.haochaping.conformance.kit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.client.HcpClient;
import org.haochaping.client.RecordResult;
import org.haochaping.client.RecordStatus;
import org.haochaping.client.SubmissionResult;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.envelope.NationalEnvelope;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.SignatureHeaders;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Indicator;
import org.haochaping.model.IndicatorCatalogue;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Plays a well-behaved client (the SDK's {@link HcpClient}) and a misbehaving one (raw requests signed with
 * {@link MessageSigner}, then tampered with) against a central platform, and checks its answers against
 * docs/interface-spec.md sections 4 and 5: see {@link ServerCheck}. Every case number and evaluation id carries a
 * random suffix, so a run can be repeated against the same platform.
 *
 * <pre>{@code
 * ServerReport report = new ServerConformance(baseUrl, "demo-app", appSigner, platformVerifier).run();
 * }</pre>
 */
public final class ServerConformance {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Far outside the ±5 minutes of 5.1, so a platform with a generous window still has to refuse it. */
    private static final Duration EXPIRED_BY = Duration.ofMinutes(15);
    private static final String EVALUATIONS = "/v1/evaluations";
    private static final String INDICATORS = "/v1/indicators";
    private static final String WORK_ORDERS = "/v1/work-orders";
    private static final String NATIONAL = "/v1/national/evaluations";
    /** Declared, never sent: 16 MiB. */
    private static final long OVERSIZED_BYTES = 16L * 1024 * 1024;

    private final String baseUrl;
    private final String appId;
    private final Signer appSigner;
    private final Verifier platformVerifier;
    private final String suffix;
    private final RawExchange raw;
    private final MessageSigner signer;
    private final List<RawExchange.Answer> errors = new ArrayList<>();
    private EnvelopeSealer nationalSealer;
    private EnvelopeSealer foreignSealer;
    private int evaluationCount;
    /** The well-behaved client; also writes the bodies the misbehaving one sends (the unified profile, 1.3). */
    private HcpClient client;

    /**
     * @param baseUrl          the platform's base URL (endpoint paths start with {@code /v1/} below it)
     * @param appId            an app id the platform registered, with {@code appSigner}'s key
     * @param appSigner        signs the app's requests
     * @param platformVerifier verifies the platform's answers (the platform's public key and key id)
     */
    public ServerConformance(String baseUrl, String appId, Signer appSigner, Verifier platformVerifier) {
        if (baseUrl == null || appId == null || appSigner == null || platformVerifier == null) {
            throw new IllegalArgumentException("base URL, app id, app signer and platform verifier are required");
        }
        this.baseUrl = baseUrl;
        this.appId = appId;
        this.appSigner = appSigner;
        this.platformVerifier = platformVerifier;
        this.raw = new RawExchange(baseUrl, TIMEOUT);
        this.signer = MessageSigner.builder(appSigner).build();
        byte[] random = new byte[5];
        new SecureRandom().nextBytes(random);
        StringBuilder s = new StringBuilder();
        for (byte b : random) {
            s.append(String.format("%02X", b));
        }
        this.suffix = s.toString();
    }

    /**
     * Also checks the national endpoint (5.7) as this sender: {@link ServerCheck#RESPELLED_ENVELOPE_REPLAY_REFUSED}.
     *
     * @param platformKey the platform's SM2 public key, that envelopes are encrypted to
     */
    public ServerConformance nationalApp(String appMark, String appWord, PublicKeyMaterial platformKey) {
        this.nationalSealer = EnvelopeSealer.builder(platformKey).appMark(appMark).appWord(appWord).build();
        // another sender's seal, for records the captured sign never covered
        this.foreignSealer = EnvelopeSealer.builder(platformKey).appMark(appMark).appWord(appWord + "-not").build();
        return this;
    }

    /**
     * Runs every check in the order of {@link ServerCheck}.
     *
     * @throws UnreachableTargetException when the target does not answer at all
     */
    public ServerReport run() throws UnreachableTargetException {
        List<CheckResult> results = new ArrayList<>();
        try (HcpClient client = HcpClient.builder().baseUrl(baseUrl).appId(appId).signer(appSigner)
                .platformVerifier(platformVerifier).retryPolicy(RetryPolicy.none())
                .connectTimeout(TIMEOUT).readTimeout(TIMEOUT).build()) {
            this.client = client;
            results.add(check(ServerCheck.VALID_EVALUATION_ACCEPTED, this::wellBehavedSubmission));
            byte[] body = body(evaluation());
            String key = idempotencyKey();
            RawExchange.Answer first = post(body, key);
            results.add(check(ServerCheck.RESPONSE_SIGNED, () -> responseSigned(first)));
            results.add(check(ServerCheck.IDEMPOTENT_REPLAY, () -> replay(first, body, key)));
            results.add(check(ServerCheck.COUNTED_ONCE, () -> countedOnce(first, body)));
            results.add(check(ServerCheck.IDEMPOTENCY_CONFLICT, () -> conflict(key)));
            results.add(check(ServerCheck.INVALID_PAYLOAD_REFUSED, this::invalidPayload));
            results.add(check(ServerCheck.TAMPERED_SIGNATURE_REFUSED, this::tamperedSignature));
            results.add(check(ServerCheck.EXPIRED_TIMESTAMP_REFUSED, this::expiredTimestamp));
            results.add(check(ServerCheck.REPLAYED_NONCE_REFUSED, this::replayedNonce));
            results.add(check(ServerCheck.UNKNOWN_APP_REFUSED, this::unknownApp));
            results.add(check(ServerCheck.MISSING_IDEMPOTENCY_KEY_REFUSED, this::missingIdempotencyKey));
            results.add(check(ServerCheck.LAST_SECOND_REPLAY_REFUSED, this::lastSecondReplay));
            results.add(check(ServerCheck.OVERSIZED_BODY_REFUSED, this::oversizedBody));
            if (nationalSealer != null) {
                results.add(check(ServerCheck.RESPELLED_ENVELOPE_REPLAY_REFUSED, this::respelledEnvelopeReplay));
            }
            results.add(check(ServerCheck.ERROR_RESPONSES_SIGNED, this::errorsSigned));
            results.add(check(ServerCheck.WORK_ORDER_PAGINATION, this::pagination));
            results.add(check(ServerCheck.INDICATORS_MATCH_ANNEX, this::indicators));
        } catch (UncheckedIOException | TransportException e) {
            throw new UnreachableTargetException(baseUrl + " does not answer: " + e.getMessage(), e);
        }
        return new ServerReport(baseUrl, appId, results);
    }

    // ---- the checks: each returns what it saw, or throws CheckFailed ----

    private String wellBehavedSubmission() {
        Evaluation e = evaluation();
        SubmissionResult result;
        try {
            result = client.submitEvaluations(List.of(e),
                    RequestOptions.builder().idempotencyKey(IdempotencyKey.of(idempotencyKey())).build());
        } catch (ServiceException ex) {
            throw new CheckFailed("refused: HTTP " + ex.statusCode() + " " + ex.platformCode().orElse("?")
                    + ex.platformMessage().map(m -> " (" + m + ")").orElse(""));
        } catch (CryptoException ex) {
            throw new CheckFailed("the answer does not verify with the platform key: " + ex.getMessage());
        }
        RecordResult r = result.results().isEmpty() ? null : result.results().get(0);
        if (r == null || r.status() != RecordStatus.ACCEPTED) {
            throw new CheckFailed("expected ACCEPTED, got " + (r == null ? "no result" : r.status() + " "
                    + r.violations()));
        }
        if (r.evaluationNo() == null || r.workOrderNo() == null) {
            throw new CheckFailed("ACCEPTED without " + (r.evaluationNo() == null ? "evaluationNo" : "workOrderNo")
                    + " (a 差评 opens a work order, Art. 18)");
        }
        return "ACCEPTED evaluation " + r.evaluationNo() + ", work order " + r.workOrderNo();
    }

    private String responseSigned(RawExchange.Answer first) {
        expect(first, 200, "OK");
        verify(first);
        return "HTTP 200 OK verifies with the platform key for app " + appId;
    }

    private String replay(RawExchange.Answer first, byte[] body, String key) {
        String evaluationNo = acceptedNo(first);
        RawExchange.Answer again = post(body, key);
        expect(again, 200, "OK");
        if (!Arrays.equals(first.body(), again.body())) {
            throw new CheckFailed("the answer differs from the first one (first " + text(first) + ", again "
                    + text(again) + ")");
        }
        if (!"true".equals(again.headers().get("Idempotent-Replayed"))) {
            throw new CheckFailed("the repeated answer lacks the header Idempotent-Replayed: true");
        }
        verify(again);
        return "same answer byte for byte (evaluation " + evaluationNo + "), Idempotent-Replayed: true, signed afresh";
    }

    private String countedOnce(RawExchange.Answer first, byte[] body) {
        String evaluationNo = acceptedNo(first);
        RawExchange.Answer again = post(body, idempotencyKey());
        expect(again, 200, "OK");
        JsonNode r = again.json().path("data").path("results").path(0);
        if (!"DUPLICATE".equals(r.path("status").asText()) || !evaluationNo.equals(r.path("evaluationNo").asText())) {
            throw new CheckFailed("expected DUPLICATE of " + evaluationNo + ", got " + r);
        }
        return "DUPLICATE of " + evaluationNo;
    }

    private String conflict(String key) {
        RawExchange.Answer answer = post(body(evaluation()), key);
        expect(answer, 409, "IDEMPOTENCY_CONFLICT");
        return answer.describe();
    }

    private String invalidPayload() {
        ObjectNode records = (ObjectNode) parse(body(evaluation()));
        ObjectNode record = (ObjectNode) records.path("records").path(0);
        record.remove("indicators");
        record.remove("freeText");
        RawExchange.Answer answer = post(write(records), idempotencyKey());
        expect(answer, 422, "INVALID_PAYLOAD");
        JsonNode result = answer.json().path("data").path("results").path(0);
        if (!"REJECTED".equals(result.path("status").asText())) {
            throw new CheckFailed("data.results[0].status is not REJECTED: " + result);
        }
        for (JsonNode v : result.path("violations")) {
            if (v.path("path").asText().startsWith("indicators") && v.path("rule").asText().contains("Art. 7")) {
                return answer.describe() + "; violation " + v.path("path").asText() + " [" + v.path("rule").asText()
                        + "]";
            }
        }
        throw new CheckFailed("no violation names indicators and Art. 7: " + result.path("violations"));
    }

    private String tamperedSignature() {
        byte[] body = body(evaluation());
        Map<String, String> headers = sign("POST", EVALUATIONS, null, body, signer);
        // a well-formed signature, but of another message: the platform must find it does not verify
        byte[] other = body(evaluation());
        headers.put(SignatureHeaders.SIGNATURE, sign("POST", EVALUATIONS, null, other, signer)
                .get(SignatureHeaders.SIGNATURE));
        RawExchange.Answer answer = collect(raw.send("POST", EVALUATIONS, null, body, idempotencyKey(), headers));
        expect(answer, 401, "SIGNATURE_INVALID");
        return answer.describe();
    }

    private String expiredTimestamp() {
        MessageSigner late = MessageSigner.builder(appSigner)
                .clock(Clock.offset(Clock.systemUTC(), EXPIRED_BY.negated())).build();
        RawExchange.Answer answer = collect(raw.send("GET", INDICATORS, null, null, null,
                sign("GET", INDICATORS, null, null, late)));
        expect(answer, 401, "TIMESTAMP_EXPIRED");
        return answer.describe();
    }

    private String replayedNonce() {
        Map<String, String> headers = sign("GET", INDICATORS, null, null, signer);
        RawExchange.Answer first = collect(raw.send("GET", INDICATORS, null, null, null, headers));
        if (first.status() != 200) {
            throw new CheckFailed("the first sending was already refused: " + first.describe());
        }
        RawExchange.Answer second = collect(raw.send("GET", INDICATORS, null, null, null, headers));
        expect(second, 401, "NONCE_REPLAYED");
        return "first 200, again " + second.describe();
    }

    /**
     * Timestamps are whole seconds: a request signed at ts is still inside a 300 s window during second ts + 300. Its
     * nonce must be remembered through that second, or it is accepted twice there (issue 13). The platform's clock is
     * read from a signed answer, so the two sendings land in that last second.
     */
    private String lastSecondReplay() {
        long offsetMillis = platformClockOffsetMillis();
        for (int attempt = 0; attempt < 3; attempt++) {
            long second = Math.floorDiv(System.currentTimeMillis() + offsetMillis, 1000L) + 1;
            // both sendings early in the platform's second `second`, the last one a timestamp of second - 300 passes
            sleep(second * 1000L + 100 - offsetMillis - System.currentTimeMillis());
            MessageSigner late = MessageSigner.builder(appSigner)
                    .clock(Clock.fixed(java.time.Instant.ofEpochSecond(second - 300), java.time.ZoneOffset.UTC)).build();
            Map<String, String> headers = sign("GET", INDICATORS, null, null, late);
            RawExchange.Answer first = collect(raw.send("GET", INDICATORS, null, null, null, headers));
            if (first.status() == 401 && "TIMESTAMP_EXPIRED".equals(first.code())) {
                continue; // the clocks disagree by a second: try again
            }
            expect(first, 200, "OK");
            RawExchange.Answer again = collect(raw.send("GET", INDICATORS, null, null, null, headers));
            if (again.status() == 200) {
                throw new CheckFailed("a request signed 300 s ago was accepted twice within its last second (the nonce "
                        + "was forgotten when the window's last second began)");
            }
            if (again.status() != 401) {
                throw new CheckFailed("expected 401 NONCE_REPLAYED (or TIMESTAMP_EXPIRED), got " + again.describe());
            }
            return "first 200 at the window's edge, again " + again.describe();
        }
        throw new CheckFailed("a request signed 300 s ago was refused as expired three times: the platform's window is"
                + " under 300 s, or its clock is unstable");
    }

    /**
     * Platform clock minus this clock, in milliseconds: signed answers are asked for until their timestamp turns to
     * the next second, which places the platform's second boundary between two answers (a few ms on a near platform).
     */
    private long platformClockOffsetMillis() {
        long previousBefore = -1;
        long previousSecond = -1;
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            long before = System.currentTimeMillis();
            RawExchange.Answer answer = get(INDICATORS, null);
            long after = System.currentTimeMillis();
            String ts = answer.headers().get(SignatureHeaders.TIMESTAMP);
            if (ts == null || !ts.matches("[0-9]{1,12}")) {
                throw new CheckFailed("the answer carries no " + SignatureHeaders.TIMESTAMP);
            }
            long second = Long.parseLong(ts);
            if (previousSecond >= 0 && second == previousSecond + 1) {
                // the platform's second began after the previous answer was asked for and before this one came back
                return second * 1000L - (previousBefore + after) / 2;
            }
            previousSecond = second;
            previousBefore = before;
        }
        throw new CheckFailed("the platform's clock could not be read to the second within 3 s (answers too slow)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailed("interrupted");
        }
    }

    /** A body far over any sensible limit is refused before it is read; only its first 64 KiB are sent. */
    private String oversizedBody() {
        int status = raw.postOversized(EVALUATIONS, OVERSIZED_BYTES, 64 * 1024, Map.of(SignatureHeaders.APP_ID, appId,
                "Idempotency-Key", idempotencyKey()));
        if (status != 413 && status != -1) {
            throw new CheckFailed("a declared " + OVERSIZED_BYTES + "-byte body got HTTP " + status + ", not 413");
        }
        RawExchange.Answer after = get(INDICATORS, null);
        expect(after, 200, "OK");
        return (status == 413 ? "HTTP 413" : "connection closed unanswered") + "; the platform still answers";
    }

    /**
     * One envelope is accepted; the same encryption of {@code sign} re-spelled (upper-case hex, C1 without its 04
     * prefix) or attached to other records must not be accepted again (5.7).
     */
    private String respelledEnvelopeReplay() {
        ArrayNode records = RawExchange.JSON.createArrayNode();
        records.add(org.haochaping.wire.internal.WireTrees.writeEvaluation(
                org.haochaping.wire.WireProfile.national(), evaluation()));
        byte[] recordBytes = write(records);
        NationalEnvelope original = nationalSealer.seal(recordBytes);
        RawExchange.Answer first = national(original);
        if (first.status() != 200 || !first.json().path("success").asBoolean(false)) {
            throw new CheckFailed("the original envelope was not accepted: HTTP " + first.status() + " " + text(first));
        }
        ArrayNode others = RawExchange.JSON.createArrayNode();
        others.add(org.haochaping.wire.internal.WireTrees.writeEvaluation(
                org.haochaping.wire.WireProfile.national(), evaluation()));
        String foreignData = foreignSealer.seal(write(others)).data();
        Map<String, NationalEnvelope> replays = new LinkedHashMap<>();
        replays.put("upper-case hex", new NationalEnvelope(original.appMark(), original.time(),
                original.sign().toUpperCase(java.util.Locale.ROOT), original.data()));
        if (original.sign().startsWith("04")) {
            replays.put("no 04 prefix", new NationalEnvelope(original.appMark(), original.time(), original.sign().substring(2),
                    original.data()));
        }
        replays.put("other records", new NationalEnvelope(original.appMark(), original.time(), original.sign(), foreignData));
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, NationalEnvelope> replay : replays.entrySet()) {
            RawExchange.Answer answer = national(replay.getValue());
            if (answer.status() == 200 || answer.json().path("success").asBoolean(false)) {
                throw new CheckFailed("the captured envelope with " + replay.getKey() + " was accepted again: " + text(answer));
            }
            seen.add(replay.getKey() + ": HTTP " + answer.status());
        }
        return "first accepted; " + String.join(", ", seen);
    }

    private RawExchange.Answer national(NationalEnvelope envelope) {
        return raw.send("POST", NATIONAL, null, envelope.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                idempotencyKey(), Map.of());
    }

    private String unknownApp() {
        String unknown = "hcp-conformance-unknown-" + suffix.toLowerCase();
        Map<String, String> headers = new TreeMap<>(
                signer.sign(MessageDirection.REQUEST, unknown, "GET", raw.signedPath(INDICATORS), null, null).asMap());
        RawExchange.Answer answer = collect(raw.send("GET", INDICATORS, null, null, null, headers));
        expect(answer, 403, "UNKNOWN_APP");
        return answer.describe();
    }

    private String missingIdempotencyKey() {
        RawExchange.Answer answer = post(body(evaluation()), null);
        expect(answer, 400, "INVALID_REQUEST");
        return answer.describe();
    }

    private String errorsSigned() {
        if (errors.isEmpty()) {
            throw new CheckFailed("no error answer to verify: the platform refused nothing this run");
        }
        List<String> unsigned = new ArrayList<>();
        for (RawExchange.Answer a : errors) {
            try {
                verify(a);
            } catch (CheckFailed e) {
                unsigned.add(a.describe() + ": " + e.getMessage());
            }
        }
        if (!unsigned.isEmpty()) {
            throw new CheckFailed(unsigned.size() + " of " + errors.size() + " error answers do not verify: "
                    + String.join("; ", unsigned));
        }
        return "all " + errors.size() + " error answers verify with the platform key";
    }

    private String pagination() {
        JsonNode first = page("page=1&pageSize=1");
        long total = first.path("total").asLong();
        if (first.path("items").size() != 1 || total < 1) {
            throw new CheckFailed("page 1 of size 1 after a 差评 was accepted: expected 1 item and total >= 1, got "
                    + first.path("items").size() + " items, total " + total);
        }
        long beyond = total + 1;
        JsonNode last = page("page=" + beyond + "&pageSize=1");
        if (last.path("items").size() != 0 || last.path("total").asLong() != total
                || last.path("page").asLong() != beyond) {
            throw new CheckFailed("page " + beyond + " (past the last): expected no items and total " + total
                    + ", got " + last.path("items").size() + " items, total " + last.path("total"));
        }
        return "page 1 of size 1: 1 item of " + total + "; page " + beyond + ": empty, same total";
    }

    private JsonNode page(String query) {
        RawExchange.Answer answer = get(WORK_ORDERS, query);
        expect(answer, 200, "OK");
        JsonNode data = answer.json().path("data");
        for (String field : List.of("page", "pageSize", "total")) {
            if (!data.path(field).isIntegralNumber()) {
                throw new CheckFailed(query + ": data." + field + " is not a number: " + data.path(field));
            }
        }
        if (!data.path("items").isArray()) {
            throw new CheckFailed(query + ": data.items is not an array");
        }
        if (data.path("pageSize").asInt() != 1) {
            throw new CheckFailed(query + ": data.pageSize is " + data.path("pageSize") + ", asked for 1");
        }
        return data;
    }

    private String indicators() {
        RawExchange.Answer answer = get(INDICATORS, null);
        expect(answer, 200, "OK");
        Set<String> served = new HashSet<>();
        for (JsonNode i : answer.json().path("data").path("indicators")) {
            served.add(i.path("code").asText() + "|" + i.path("target").asText() + "|" + i.path("grade").asText()
                    + "|" + i.path("text").asText() + "|" + i.path("requiresFreeText").asBoolean());
        }
        Set<String> annex = new HashSet<>();
        for (Indicator i : IndicatorCatalogue.standard().all()) {
            annex.add(i.code() + "|" + i.target().name() + "|" + i.grade().name() + "|" + i.text() + "|"
                    + i.requiresFreeText());
        }
        Set<String> missing = new HashSet<>(annex);
        missing.removeAll(served);
        Set<String> extra = new HashSet<>(served);
        extra.removeAll(annex);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new CheckFailed(missing.size() + " annex indicators missing or different, " + extra.size()
                    + " not in the annex" + (missing.isEmpty() ? "" : "; e.g. missing " + missing.iterator().next())
                    + (extra.isEmpty() ? "" : "; e.g. extra " + extra.iterator().next()));
        }
        return annex.size() + " indicators, equal to the annex";
    }

    // ---- helpers ----

    private static CheckResult check(ServerCheck check, Supplier<String> body) {
        long start = System.nanoTime();
        try {
            return new CheckResult(check, true, body.get(), System.nanoTime() - start);
        } catch (CheckFailed e) {
            return new CheckResult(check, false, e.getMessage(), System.nanoTime() - start);
        }
    }

    /** A fresh rule-valid 差评 of the SDK's samples (mobile app, indicator 1205 with text) under a new case number. */
    private Evaluation evaluation() {
        int n = ++evaluationCount;
        Evaluation sample = SamplePayloads.all().get(2).evaluation();
        CaseRecord c = sample.caseRecord().toBuilder().caseNo("HCPCONF" + suffix + String.format("%02d", n)).build();
        return sample.toBuilder().caseRecord(c).evaluationId("EV-CONF-" + suffix + "-" + n).build();
    }

    private byte[] body(Evaluation e) {
        return client.encodeEvaluations(List.of(e));
    }

    private static String idempotencyKey() {
        return UUID.randomUUID().toString();
    }

    private Map<String, String> sign(String method, String endpoint, String query, byte[] body, MessageSigner s) {
        return new TreeMap<>(s.sign(MessageDirection.REQUEST, appId, method, raw.signedPath(endpoint), query, body)
                .asMap());
    }

    private RawExchange.Answer post(byte[] body, String key) {
        return collect(raw.send("POST", EVALUATIONS, null, body, key, sign("POST", EVALUATIONS, null, body, signer)));
    }

    private RawExchange.Answer get(String endpoint, String query) {
        RawExchange.Answer answer = collect(raw.send("GET", endpoint, query, null, null,
                sign("GET", endpoint, query, null, signer)));
        verify(answer);
        return answer;
    }

    /** Keeps every error answer for {@link ServerCheck#ERROR_RESPONSES_SIGNED}. */
    private RawExchange.Answer collect(RawExchange.Answer answer) {
        if (answer.status() >= 400) {
            errors.add(answer);
        }
        return answer;
    }

    private static void expect(RawExchange.Answer answer, int status, String code) {
        if (answer.status() != status || !code.equals(answer.code())) {
            throw new CheckFailed("expected HTTP " + status + " " + code + ", got " + answer.describe());
        }
    }

    private static String acceptedNo(RawExchange.Answer first) {
        JsonNode r = first.json().path("data").path("results").path(0);
        if (first.status() != 200 || !"ACCEPTED".equals(r.path("status").asText())) {
            throw new CheckFailed("the evaluation it repeats was not accepted: " + first.describe());
        }
        return r.path("evaluationNo").asText();
    }

    /**
     * Verifies an answer in the RESPONSE direction for the app the request named (5.1: {@code -} for none), bound to
     * the request it answers: its nonce and body digest (section 4).
     */
    private void verify(RawExchange.Answer a) {
        String expected = a.requestAppId() == null ? "-" : a.requestAppId();
        Map<String, String> headers = new LinkedHashMap<>(a.headers());
        try {
            MessageVerifier.builder(platformVerifier).expectedAppId(expected).build()
                    .verifyResponse(a.method(), a.path(), a.query(), a.requestNonce(), a.requestBody(), headers, a.body());
        } catch (CryptoException e) {
            throw new CheckFailed("the answer does not verify with the platform key: " + e.reason() + ": "
                    + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return RawExchange.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the SDK wrote a body that is not JSON", e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return RawExchange.JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("JSON cannot be written", e);
        }
    }

    private static String text(RawExchange.Answer a) {
        return new String(a.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A check found the platform's answer wrong; the message says what it answered. */
    private static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message, null, false, false);
        }
    }
}
