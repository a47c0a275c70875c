package org.haochaping.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.badreview.Actor;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.SignatureHeaders;
import org.haochaping.event.HcpEventListener;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Grade;
import org.haochaping.model.Indicator;
import org.haochaping.model.IndicatorCatalogue;
import org.haochaping.outbox.OutboxRecord;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.RecordRejectedException;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.haochaping.transport.HttpMethod;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.OkHttpTransport;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.Transport;
import org.haochaping.transport.TransportRequest;
import org.haochaping.transport.TransportResponse;
import org.haochaping.wire.WireProfile;
import org.haochaping.wire.internal.WireTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The client of the central 好差评 interface (interface-spec section 5): submits cases and evaluations, queries
 * them, pulls and reports bad-review work orders, and fetches the indicator catalogue. Every request is signed with
 * the caller's key (section 4) anew on every attempt; every response is verified with the platform's keys before it
 * is read; every write carries an idempotency key, the same on every retry, so a retry never counts twice.
 *
 * <pre>{@code
 * HcpClient client = HcpClient.builder()
 *         .baseUrl("https://hcp.example.gov.cn/api")
 *         .appId("app-001")
 *         .signer(Sm2Signer.builder(myKey).keyId("app-key-2026").build())
 *         .platformVerifier(Sm2Verifier.builder().key("platform-2026", platformKey).build())
 *         .build();
 * SubmissionResult result = client.submitEvaluations(Collections.singletonList(evaluation));
 * }</pre>
 *
 * <p>Errors are typed: {@link ValidationException} before anything is sent (with every violation, path and article),
 * {@link org.haochaping.transport.TransportException} when no attempt got a response,
 * {@link ServiceException} with the platform's code for a refused request, {@link org.haochaping.crypto.CryptoException}
 * when a response's signature, timestamp or nonce does not verify, and {@link MalformedResponseException} for a
 * verified response that cannot be read. One client is immutable, thread-safe and meant to be shared; close it when
 * the application stops.
 */
public final class HcpClient implements AutoCloseable {

    /** Outbox record kind for a submission of evaluations ({@link #encodeEvaluations}). */
    public static final String KIND_EVALUATIONS = "evaluations";
    /** Outbox record kind for a submission of cases ({@link #encodeCases}). */
    public static final String KIND_CASES = "cases";
    /** Outbox record kind for a report of cases marked "未评" ({@link #encodeUnevaluated}). */
    public static final String KIND_UNEVALUATED = "unevaluated";
    /** At most this many records per submission (interface-spec 5.1). */
    public static final int MAX_RECORDS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(HcpClient.class);
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final Transport transport;
    private final boolean ownsTransport;
    private final String basePath;
    private final MessageSigner signer;
    private final MessageVerifier verifier;
    private final EvaluationPolicy policy;
    private final boolean checkBeforeSend;
    private final EnvelopeSealer nationalSealer;
    private final int maxRetries;
    private final HcpEventListener.Factory events;

    private HcpClient(Builder b) {
        URI base = URI.create(b.baseUrl);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signer = MessageSigner.builder(b.signer).appId(b.appId).clock(b.clock).build();
        MessageVerifier.Builder v = MessageVerifier.builder(b.platformVerifier).clock(b.clock).expectedAppId(b.appId);
        if (b.allowedSkew != null) {
            v.allowedSkew(b.allowedSkew);
        }
        this.verifier = v.build();
        this.policy = EvaluationPolicy.standard();
        this.checkBeforeSend = b.checkBeforeSend;
        this.events = b.events;
        this.nationalSealer = b.nationalSealer;
        this.maxRetries = (b.retryPolicy != null ? b.retryPolicy : org.haochaping.transport.RetryPolicy.defaults())
                .maxRetries();
        if (b.transport != null) {
            this.transport = b.transport;
            this.ownsTransport = false;
        } else {
            OkHttpTransport.Builder t = OkHttpTransport.builder(b.baseUrl).errorBodyParser(PlatformResponses.ERRORS);
            if (b.connectTimeout != null) {
                t.connectTimeout(b.connectTimeout);
            }
            if (b.readTimeout != null) {
                t.readTimeout(b.readTimeout);
            }
            if (b.callTimeout != null) {
                t.callTimeout(b.callTimeout);
            }
            if (b.maxResponseBytes > 0) {
                t.maxResponseBytes(b.maxResponseBytes);
            }
            if (b.proxy != null) {
                t.proxy(b.proxy);
            }
            if (b.proxyUser != null) {
                t.proxyCredentials(b.proxyUser, b.proxyPassword);
            }
            if (b.retryPolicy != null) {
                t.retryPolicy(b.retryPolicy);
            }
            if (b.writeTimeout != null) {
                t.writeTimeout(b.writeTimeout);
            }
            if (b.okHttpClient != null) {
                t.okHttpClient(b.okHttpClient);
            }
            this.transport = t.build();
            this.ownsTransport = true;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- cases and evaluations (5.2, 5.3, 5.7) ----

    /** Submits up to {@value #MAX_RECORDS} evaluations with a fresh idempotency key. */
    public SubmissionResult submitEvaluations(List<Evaluation> evaluations) {
        return submitEvaluations(evaluations, RequestOptions.defaults());
    }

    /**
     * Submits up to {@value #MAX_RECORDS} evaluations (each with its case). In the national profile they travel in
     * the national envelope (5.7).
     *
     * @throws ValidationException before sending, with every violation of every evaluation ({@code [i].path})
     */
    public SubmissionResult submitEvaluations(List<Evaluation> evaluations, RequestOptions options) {
        return submitEncoded(KIND_EVALUATIONS, encodeEvaluations(evaluations), options);
    }

    public CompletableFuture<SubmissionResult> submitEvaluationsAsync(List<Evaluation> evaluations,
            RequestOptions options) {
        return submitEncodedAsync(KIND_EVALUATIONS, encodeEvaluations(evaluations), options);
    }

    /** Submits up to {@value #MAX_RECORDS} case records (5.2). */
    public SubmissionResult submitCases(List<CaseRecord> cases, RequestOptions options) {
        return submitEncoded(KIND_CASES, encodeCases(cases), options);
    }

    public CompletableFuture<SubmissionResult> submitCasesAsync(List<CaseRecord> cases, RequestOptions options) {
        return submitEncodedAsync(KIND_CASES, encodeCases(cases), options);
    }

    /**
     * Reports up to {@value #MAX_RECORDS} cases marked "未评" (Art. 16), as {@code EvaluationTracker.markUnevaluated}
     * gives them (5.9). Idempotent per case: a case reported again is a {@code DUPLICATE}.
     */
    public SubmissionResult reportUnevaluated(List<UnevaluatedRecord> records, RequestOptions options) {
        return submitEncoded(KIND_UNEVALUATED, encodeUnevaluated(records), options);
    }

    /** The request body of {@link #reportUnevaluated}: {@code {"records": [...]}} in the form of spec §2. */
    public byte[] encodeUnevaluated(List<UnevaluatedRecord> records) {
        checkCount(records);
        return records(records, r -> (ObjectNode) PlatformResponses.JSON.valueToTree(r));
    }

    /**
     * The request body for evaluations, checked by the rules: what {@link #submitEvaluations} sends, and what a
     * terminal puts in its outbox ({@code outbox.submit(KIND_EVALUATIONS, client.encodeEvaluations(list))}). In the
     * national profile it is the JSON array of national records, sealed into a fresh envelope on every attempt.
     *
     * @throws ValidationException with every violation, paths starting {@code [i]}
     */
    public byte[] encodeEvaluations(List<Evaluation> evaluations) {
        checkCount(evaluations);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            if (checkBeforeSend) {
                for (Violation v : policy.violations(evaluations.get(i))) {
                    violations.add(new Violation("[" + i + "]." + v.path(), v.rule(), v.message()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (nationalSealer != null) {
            // The records only: the envelope is sealed per attempt (submission), since its time and sign are
            // accepted once and for five minutes; an envelope sealed here would go stale in an outbox.
            ArrayNode records = PlatformResponses.JSON.createArrayNode();
            for (Evaluation e : evaluations) {
                records.add(WireTrees.writeEvaluation(WireProfile.national(), e));
            }
            return bytes(records);
        }
        return records(evaluations, e -> WireTrees.writeEvaluation(WireProfile.unified(), e));
    }

    /** The request body for case records, checked by the rules (see {@link #encodeEvaluations}). */
    public byte[] encodeCases(List<CaseRecord> cases) {
        checkCount(cases);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (checkBeforeSend) {
                for (Violation v : policy.violations(cases.get(i))) {
                    violations.add(new Violation("[" + i + "]." + v.path(), v.rule(), v.message()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return records(cases, c -> WireTrees.writeCase(WireProfile.unified(), c));
    }

    /**
     * Sends a body made by {@link #encodeEvaluations} or {@link #encodeCases} (e.g. from a terminal's outbox). The
     * same body with the same idempotency key is counted once however often it is sent.
     */
    public SubmissionResult submitEncoded(String kind, byte[] body, RequestOptions options) {
        Call call = submission(kind, body);
        return executeVerified(call, options, r -> submissionResult(call, r));
    }

    public CompletableFuture<SubmissionResult> submitEncodedAsync(String kind, byte[] body, RequestOptions options) {
        Call call = submission(kind, body);
        RequestOptions pinned = pinKey(call, options);
        call.events.start(pinned);
        CompletableFuture<SubmissionResult> result = executeAsync(call, pinned).thenApply(r -> {
            if (!call.national) {
                try {
                    verify(call, r);
                } catch (org.haochaping.crypto.CryptoException e) {
                    call.events.refused(r.statusCode(), e);
                    throw e;
                }
                call.events.verified(r.statusCode());
            }
            return submissionResult(call, r);
        });
        result.whenComplete((r, failure) -> call.events.end(failure));
        return result;
    }

    /** Where an accepted evaluation stands (5.4). */
    public EvaluationStatus evaluationStatus(String evaluationNo) {
        JsonNode d = get("evaluationStatus", "/v1/evaluations/" + segment(evaluationNo), RequestOptions.defaults());
        Grade grade = null;
        try {
            grade = Grade.valueOf(d.path("grade").asText(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("the evaluation status has no known grade");
        }
        EvaluationStatus.Adoption adoption;
        try {
            adoption = EvaluationStatus.Adoption.valueOf(d.path("status").asText(""));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("the evaluation status has no known status");
        }
        return new EvaluationStatus(PlatformResponses.text(d, "evaluationNo"), PlatformResponses.text(d, "evaluationId"),
                PlatformResponses.text(d, "caseNo"), grade, adoption, PlatformResponses.text(d, "workOrderNo"));
    }

    // ---- work orders (5.5) ----

    /**
     * One page of the work orders addressed to the caller, newest first.
     *
     * @param state only orders in this state, or {@code null} for all
     * @param deptCode only orders of this department, or {@code null}
     */
    public WorkOrderPage workOrders(WorkOrderState state, String deptCode, int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > MAX_RECORDS) {
            throw new IllegalArgumentException("page must be 1 or more and pageSize 1 to " + MAX_RECORDS
                    + " (interface-spec 5.1)");
        }
        StringBuilder q = new StringBuilder("/v1/work-orders?page=").append(page).append("&pageSize=").append(pageSize);
        if (state != null) {
            q.append("&state=").append(state.name());
        }
        if (deptCode != null) {
            q.append("&deptCode=").append(segment(deptCode));
        }
        JsonNode d = get("workOrders", q.toString(), RequestOptions.defaults());
        List<WorkOrder> items = new ArrayList<>();
        for (JsonNode item : d.path("items")) {
            items.add(PlatformResponses.value(item, WorkOrder.class, "work order"));
        }
        return new WorkOrderPage(items, d.path("page").asInt(page), d.path("pageSize").asInt(pageSize),
                d.path("total").asLong(items.size()));
    }

    /**
     * {@code GET /v1/calendar/{year}} (interface-spec 5.8): the State Council's holiday arrangement of a year as
     * the platform publishes it, signed like every response, returned as text in the data-file format of
     * {@code docs/calendar.md} (with its {@code # published:} header when the platform gives the date), ready for
     * {@code WorkingDayCalendar.Builder.load(Reader, name)} or to be kept on disk.
     *
     * @throws ServiceException with status 404 ({@code NOT_FOUND}) when the year is not published yet
     */
    public String calendar(int year) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits, was " + year);
        }
        JsonNode d = get("calendar", "/v1/calendar/" + year, RequestOptions.defaults());
        StringBuilder tsv = new StringBuilder();
        if (d.hasNonNull("published")) {
            tsv.append("# published: ").append(d.get("published").asText()).append('\n');
        }
        tsv.append("# ").append(d.path("source").asText("arrangement " + year)).append(" (from the platform)\n");
        for (JsonNode day : d.path("days")) {
            String note = day.path("note").asText("").replace('\t', ' ').replace('\n', ' ');
            tsv.append(day.path("date").asText()).append('\t').append(day.path("kind").asText()).append('\t')
                    .append(year).append('\t').append(note).append('\n');
        }
        return tsv.toString();
    }

    public WorkOrder workOrder(String orderNo) {
        return PlatformResponses.value(get("workOrder", "/v1/work-orders/" + segment(orderNo),
                RequestOptions.defaults()), WorkOrder.class, "work order");
    }

    /**
     * Reports progress on a work order (Art. 19-21): the platform applies the action through the state machine and
     * answers with the order as it now stands. A refused transition is a {@link ServiceException} with the code
     * {@code ILLEGAL_TRANSITION}, whose message names the state and the article.
     */
    public WorkOrder reportAction(String orderNo, WorkOrderAction action, Actor actor, OffsetDateTime at,
            RequestOptions options) {
        ObjectNode body = PlatformResponses.JSON.valueToTree(action);
        body.set("actor", PlatformResponses.JSON.valueToTree(actor));
        body.put("at", ShanghaiTime.format(at));
        return workOrderAfter(post("reportAction", "/v1/work-orders/" + segment(orderNo) + "/actions", bytes(body),
                options));
    }

    /** Records the 12345 follow-up visit of a rectified work order (Art. 22). */
    public WorkOrder reportFollowUp(String orderNo, FollowUpResult result, Actor actor, OffsetDateTime at,
            RequestOptions options) {
        ObjectNode body = PlatformResponses.JSON.createObjectNode();
        body.put("result", result.name());
        body.set("actor", PlatformResponses.JSON.valueToTree(actor));
        body.put("at", ShanghaiTime.format(at));
        return workOrderAfter(post("reportFollowUp", "/v1/work-orders/" + segment(orderNo) + "/follow-up",
                bytes(body), options));
    }

    /**
     * The indicator catalogue as the platform publishes it (5.6), checked against the annex bundled with the SDK: a
     * code the SDK does not know, or a text that differs, is a {@link MalformedResponseException}.
     */
    public List<Indicator> indicators() {
        JsonNode d = get("indicators", "/v1/indicators", RequestOptions.defaults());
        List<Indicator> out = new ArrayList<>();
        for (JsonNode i : d.path("indicators")) {
            Indicator known = IndicatorCatalogue.standard().find(i.path("code").asText(null));
            if (known == null || !known.text().equals(i.path("text").asText())) {
                throw new MalformedResponseException("the platform's indicator " + i.path("code").asText("?")
                        + " is not the annex's; update the SDK");
            }
            out.add(known);
        }
        return Collections.unmodifiableList(out);
    }

    // ---- the outbox ----

    /**
     * Delivers outbox records made of {@link #encodeEvaluations} / {@link #encodeCases} bodies, with the record's
     * persisted idempotency key, so that a record delivered again after a crash is counted once. A record the
     * platform refuses for good (its payload breaks the rules, or its key was used with another body) is dropped
     * with {@link RecordRejectedException}; anything else (no network, 5xx, 429, a clock out of the signature window,
     * an answer that does not verify or does not answer every record) is delivered again later. In the national
     * profile every attempt seals a fresh envelope, and records the platform counted before come back
     * {@code DUPLICATE}, which is delivered.
     */
    public OutboxSink outboxSink() {
        return this::deliver;
    }

    private void deliver(OutboxRecord record) {
        if (nationalSealer != null && KIND_EVALUATIONS.equals(record.kind()) && !startsWithArray(record.payload())) {
            // Queued by an SDK that sealed envelopes when queueing: their time has passed and cannot be renewed.
            throw new RecordRejectedException("outbox record " + record.sequence()
                    + " holds an envelope sealed when it was queued; it cannot be sealed again (issue 13)");
        }
        RequestOptions options = RequestOptions.builder().idempotencyKey(record.idempotencyKey()).build();
        SubmissionResult result;
        try {
            result = submitEncoded(record.kind(), record.payload(), options);
        } catch (ServiceException e) {
            String code = e.platformCode().orElse("");
            if (!e.isRetryable() && ("INVALID_PAYLOAD".equals(code) || "INVALID_REQUEST".equals(code)
                    || "IDEMPOTENCY_CONFLICT".equals(code))) {
                throw new RecordRejectedException("outbox record " + record.sequence() + " refused by the platform: "
                        + code, code, e);
            }
            throw e;
        }
        if (!result.allHeld()) {
            List<Violation> why = new ArrayList<>();
            for (RecordResult r : result.results()) {
                why.addAll(r.violations());
            }
            throw new RecordRejectedException("outbox record " + record.sequence() + ": "
                    + result.count(RecordStatus.REJECTED) + " of " + result.results().size()
                    + " records refused" + (why.isEmpty() ? "" : ", first: " + why.get(0)),
                    RecordStatus.REJECTED.name(), null); // the per-record status is the platform's code here
        }
    }

    // ---- plumbing ----

    private Call submission(String kind, byte[] body) {
        String path;
        if (KIND_EVALUATIONS.equals(kind)) {
            path = nationalSealer != null ? "/v1/national/evaluations" : "/v1/evaluations";
        } else if (KIND_CASES.equals(kind)) {
            path = "/v1/cases";
        } else if (KIND_UNEVALUATED.equals(kind)) {
            path = "/v1/unevaluated";
        } else {
            throw new IllegalArgumentException("kind must be " + KIND_EVALUATIONS + ", " + KIND_CASES + " or "
                    + KIND_UNEVALUATED);
        }
        if (nationalSealer != null && KIND_EVALUATIONS.equals(kind)) {
            if (!startsWithArray(body)) {
                throw new IllegalArgumentException("a national submission is the JSON array of encodeEvaluations");
            }
            // Sealed per attempt: the envelope's time and sign are accepted once, for five minutes (interface-spec 5.7).
            CallEvents callEvents = new CallEvents(events, operation(kind), HttpMethod.POST, path, body, "");
            return new Call(TransportRequest.builder(HttpMethod.POST, path).body(body, JSON_TYPE)
                    .attemptBody(records -> nationalSealer.seal(records).toJson().getBytes(StandardCharsets.UTF_8))
                    .attemptObserver(callEvents).build(), body, callEvents);
        }
        return call(operation(kind), HttpMethod.POST, path, body);
    }

    /** The operation a submission of this kind is, in events and metrics: the client method that sends it. */
    private static String operation(String kind) {
        return KIND_EVALUATIONS.equals(kind) ? "submitEvaluations" : KIND_CASES.equals(kind) ? "submitCases"
                : "reportUnevaluated";
    }

    private static boolean startsWithArray(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '[';
            }
        }
        return false;
    }

    private SubmissionResult submissionResult(Call call, TransportResponse response) {
        SubmissionResult result;
        if (call.national) {
            result = PlatformResponses.submission(null, PlatformResponses.nationalData(response.body()),
                    PlatformResponses.recordCount(call.body, null));
        } else {
            result = PlatformResponses.submission(PlatformResponses.requestId(response.body()),
                    PlatformResponses.data(response.body()).path("results"),
                    PlatformResponses.recordCount(call.body, "records"));
        }
        LOG.debug("{} {}: {}", call.http.method(), call.http.path(), result);
        return result;
    }

    private JsonNode get(String operation, String path, RequestOptions options) {
        Call call = call(operation, HttpMethod.GET, path, null);
        return executeVerified(call, options, r -> PlatformResponses.data(r.body()));
    }

    private JsonNode post(String operation, String path, byte[] body, RequestOptions options) {
        Call call = call(operation, HttpMethod.POST, path, body);
        return executeVerified(call, options, r -> PlatformResponses.data(r.body()));
    }

    private static WorkOrder workOrderAfter(JsonNode data) {
        return PlatformResponses.value(data, WorkOrder.class, "work order");
    }

    /** A signed request: signed per attempt, a retry carries a fresh timestamp and nonce (interface-spec 4, 5.1). */
    private Call call(String operation, HttpMethod method, String path, byte[] body) {
        TransportRequest.Builder b = TransportRequest.builder(method, path);
        if (body != null) {
            b.body(body, JSON_TYPE);
        }
        AtomicReference<String> nonce = new AtomicReference<>();
        b.attemptHeaders((m, encodedPath, encodedQuery, bytes) -> {
            Map<String, String> headers = signer.signRequest(m.name(), encodedPath, encodedQuery, bytes).asMap();
            nonce.set(headers.get(SignatureHeaders.NONCE));
            return headers;
        });
        CallEvents callEvents = new CallEvents(events, operation, method, path, body,
                operation.startsWith("submit") || operation.startsWith("reportUnevaluated") ? "records" : null);
        b.attemptObserver(callEvents);
        return new Call(b.build(), body, nonce, callEvents);
    }

    /**
     * Sends and verifies the response. A response that does not verify is no answer (interface-spec 5.1,
     * "Retries"): the request is sent again, a write under the same idempotency key, so the platform answers with
     * what it stored and nothing counts twice; after the retries of the policy the signature failure is thrown.
     */
    private <T> T executeVerified(Call call, RequestOptions options, Function<TransportResponse, T> read) {
        RequestOptions pinned = pinKey(call, options);
        call.events.start(pinned);
        try {
            T result = read.apply(executeVerified(call, pinned));
            call.events.end(null);
            return result;
        } catch (RuntimeException e) {
            call.events.end(e);
            throw e;
        }
    }

    /** A write's idempotency key, chosen once here so that the events and every attempt carry the same one. */
    private static RequestOptions pinKey(Call call, RequestOptions options) {
        if (!call.http.method().isWrite() || options.idempotencyKey().isPresent()) {
            return options;
        }
        RequestOptions.Builder b = RequestOptions.builder().idempotencyKey(IdempotencyKey.random());
        options.timeout().ifPresent(b::timeout);
        options.maxRetries().ifPresent(b::maxRetries);
        return b.build();
    }

    private TransportResponse executeVerified(Call call, RequestOptions pinned) {
        int retries = pinned.maxRetries().orElse(maxRetries);
        for (int attempt = 0; ; attempt++) {
            TransportResponse response = null;
            try {
                response = execute(call, pinned);
                if (!call.national) {
                    verify(call, response);
                    call.events.verified(response.statusCode());
                }
                return response;
            } catch (org.haochaping.crypto.CryptoException e) {
                call.events.refused(response != null ? response.statusCode() : call.events.lastStatus(), e);
                if (attempt >= retries) {
                    throw e;
                }
                call.events.retryUnverified();
                LOG.warn("The response to {} {} does not verify ({}); sending the request again{}", call.http.method(),
                        call.http.path(), e.reason(), call.http.method().isWrite() ? " under the same idempotency key" : "");
            }
        }
    }

    private TransportResponse execute(Call call, RequestOptions options) {
        try {
            return transport.execute(call.http, options);
        } catch (ServiceException e) {
            call.events.status(e.statusCode());
            throw verifiedFailure(call, e);
        }
    }

    private CompletableFuture<TransportResponse> executeAsync(Call call, RequestOptions options) {
        CompletableFuture<TransportResponse> out = new CompletableFuture<>();
        transport.executeAsync(call.http, options).whenComplete((response, failure) -> {
            if (failure == null) {
                out.complete(response);
                return;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            out.completeExceptionally(cause instanceof ServiceException
                    ? verifiedFailure(call, (ServiceException) cause) : cause);
        });
        return out;
    }

    /**
     * A refusal is only believed when the platform signed it: an unsigned or tampered error response becomes a
     * signature failure, so nobody on the path can make the client drop a record with a forged 4xx.
     */
    private RuntimeException verifiedFailure(Call call, ServiceException e) {
        if (call.national) {
            return e;
        }
        try {
            verify(call, e.response());
        } catch (RuntimeException unverified) {
            if (e.isRetryable()) {
                return e; // 5xx and 429 from a proxy or load balancer carry no signature; retrying is safe
            }
            unverified.addSuppressed(e);
            return unverified;
        }
        call.events.verified(e.statusCode());
        return withPlatformCode(e);
    }

    /**
     * A transport of the caller's does not know the platform's error body: the code is read here, from the verified
     * response, so that a refusal is a refusal whatever the transport (and the outbox drops, rather than retries, a
     * record the platform will never take).
     */
    private static ServiceException withPlatformCode(ServiceException e) {
        if (e.platformCode().isPresent() || e.response() == null) {
            return e;
        }
        org.haochaping.transport.PlatformError parsed;
        try {
            parsed = PlatformResponses.ERRORS.parse(e.response()).orElse(null);
        } catch (RuntimeException unparsable) {
            return e;
        }
        if (parsed == null) {
            return e;
        }
        ServiceException coded = new ServiceException(e.getMessage() + ", platform code " + parsed.code(), e.response(),
                parsed, e.attempts(), e.idempotencyKey().orElse(null), e.retryAfter().orElse(null));
        coded.setStackTrace(e.getStackTrace());
        return coded;
    }

    /**
     * Verifies a response as the answer to the attempt that got it: its signature covers this request's method,
     * path, query, nonce and body digest, so no other answer of the platform can be substituted (interface-spec 4).
     */
    private void verify(Call call, TransportResponse response) {
        String path = call.http.path();
        int q = path.indexOf('?');
        String query = q < 0 ? null : path.substring(q + 1);
        String rawPath = basePath + (q < 0 ? path : path.substring(0, q));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
            if (!h.getValue().isEmpty()) {
                headers.put(h.getKey(), h.getValue().get(0));
            }
        }
        verifier.verifyResponse(call.http.method().name(), rawPath, query, call.nonce.get(), call.body, headers,
                response.body());
    }

    /** One logical request and what its response must answer: the nonce of the attempt last sent. */
    private static final class Call {
        final TransportRequest http;
        final byte[] body;
        final AtomicReference<String> nonce;
        final boolean national;
        final CallEvents events;

        Call(TransportRequest http, byte[] body, AtomicReference<String> nonce, CallEvents events) {
            this.http = http;
            this.body = body;
            this.nonce = nonce;
            this.national = false;
            this.events = events;
        }

        /** A national submission: unsigned answers, per-attempt envelopes. */
        Call(TransportRequest http, byte[] records, CallEvents events) {
            this.http = http;
            this.body = records;
            this.nonce = new AtomicReference<>();
            this.national = true;
            this.events = events;
        }
    }

    private static <T> byte[] records(List<T> items, Function<T, ObjectNode> write) {
        ObjectNode root = PlatformResponses.JSON.createObjectNode();
        ArrayNode records = root.putArray("records");
        for (T item : items) {
            records.add(write.apply(item));
        }
        return bytes(root);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return PlatformResponses.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static void checkCount(List<?> records) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty() || records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("a submission holds 1 to " + MAX_RECORDS + " records, not "
                    + records.size() + " (interface-spec 5.1)");
        }
    }

    /** A path segment: the platform's numbers are codes; anything else is refused rather than escaped. */
    private static String segment(String value) {
        if (value == null || !value.matches("[A-Za-z0-9._~-]{1,64}")) {
            throw new IllegalArgumentException("not a platform number or code: 1 to 64 of A-Z a-z 0-9 . _ ~ -");
        }
        return value;
    }

    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "HcpClient{" + signer + (nationalSealer == null ? "" : ", national envelope") + "}";
    }

    /** Builds an {@link HcpClient}. Not thread-safe. */
    public static final class Builder {
        private String baseUrl;
        private String appId;
        private Signer signer;
        private Verifier platformVerifier;
        private Transport transport;
        private Clock clock = Clock.systemUTC();
        private Duration allowedSkew;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private long maxResponseBytes;
        private java.net.Proxy proxy;
        private String proxyUser;
        private String proxyPassword;
        private org.haochaping.transport.RetryPolicy retryPolicy;
        private Duration writeTimeout;
        private okhttp3.OkHttpClient okHttpClient;
        private boolean checkBeforeSend = true;
        private EnvelopeSealer nationalSealer;
        private HcpEventListener.Factory events; // null: no listener, no event work

        private Builder() {
        }

        /** The platform's base URL, e.g. {@code https://hcp.example.gov.cn/api}. Required. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The app id the platform registered for this system. Required. */
        public Builder appId(String appId) {
            this.appId = Objects.requireNonNull(appId, "appId");
            return this;
        }

        /** Signs requests with the caller's key (interface-spec 4). Required. */
        public Builder signer(Signer signer) {
            this.signer = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /** Verifies responses with the platform's keys, several at once during a rotation. Required. */
        public Builder platformVerifier(Verifier verifier) {
            this.platformVerifier = Objects.requireNonNull(verifier, "platformVerifier");
            return this;
        }

        /**
         * A transport of the caller's (e.g. another HTTP library). The client reads the platform's error code from a
         * verified error response itself, whatever the transport's error body parser; the default transport is OkHttp
         * with this client's settings. To keep OkHttp with the application's own TLS, pool or dispatcher, pass
         * {@link #okHttpClient} instead.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The clock for signature timestamps and the response window; tests and clock hooks set it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far a response's timestamp may be from this clock; default 5 minutes. */
        public Builder allowedSkew(Duration allowedSkew) {
            this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = timeout;
            return this;
        }

        /**
         * Time for one whole attempt, connect to last byte; default {@link OkHttpTransport#DEFAULT_CALL_TIMEOUT}
         * (60 s). Bounds a server that answers one byte at a time.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /**
         * The application's own OkHttp client (its TLS settings and trust store, connection pool, dispatcher, event
         * listener). The SDK derives its client with {@code newBuilder()}, so the pool and dispatcher are shared and
         * the application's client is left as it was; it is not shut down when this client closes. The platform's
         * error parsing, signing, verification and retries stay the SDK's.
         */
        public Builder okHttpClient(okhttp3.OkHttpClient client) {
            this.okHttpClient = Objects.requireNonNull(client, "okHttpClient");
            return this;
        }

        /**
         * The largest response read, in bytes; default {@link OkHttpTransport#DEFAULT_MAX_RESPONSE_BYTES} (4 MiB). A
         * larger one is a {@link org.haochaping.transport.TransportException} caused by
         * {@link org.haochaping.transport.ResponseTooLargeException}, read no further and not retried.
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** An HTTP or SOCKS proxy, with Basic credentials when {@code user} is not {@code null}. */
        public Builder proxy(java.net.Proxy proxy, String user, String password) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            this.proxyUser = user;
            this.proxyPassword = password;
            return this;
        }

        public Builder retryPolicy(org.haochaping.transport.RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Whether evaluations and cases are checked by the rules before they are sent; default {@code true}. Only a
         * conformance kit playing a misbehaving client turns it off.
         */
        public Builder checkBeforeSend(boolean check) {
            this.checkBeforeSend = check;
            return this;
        }

        /** Submits evaluations in the national envelope (interface-spec 5.7) instead of the unified profile. */
        public Builder nationalEnvelope(EnvelopeSealer sealer) {
            this.nationalSealer = Objects.requireNonNull(sealer, "sealer");
            return this;
        }

        /**
         * Told of every request, attempt, retry, verification and outcome (docs/server.md, "Events"); the same listener
         * for every request. What it throws is caught and logged, never passed to the caller.
         */
        public Builder eventListener(HcpEventListener listener) {
            HcpEventListener guarded = HcpEventListener.guarded(Objects.requireNonNull(listener, "eventListener"));
            this.events = request -> guarded;
            return this;
        }

        /** Like {@link #eventListener}, with a listener made per request (e.g. to hold a tracing span). */
        public Builder eventListenerFactory(HcpEventListener.Factory factory) {
            this.events = Objects.requireNonNull(factory, "eventListenerFactory");
            return this;
        }

        /**
         * @throws IllegalStateException naming the first missing setting
         */
        public HcpClient build() {
            if (baseUrl == null || appId == null || signer == null || platformVerifier == null) {
                throw new IllegalStateException("baseUrl, appId, signer and platformVerifier are required");
            }
            return new HcpClient(this);
        }
    }
}
