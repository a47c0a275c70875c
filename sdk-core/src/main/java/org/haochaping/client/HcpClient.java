package org.haochaping.client;

import org.haochaping.badreview.Actor;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.event.HcpEventListener;
import org.haochaping.internal.ConformanceKitAccess;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Indicator;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.rules.ValidationException;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.haochaping.transport.Exchange;
import org.haochaping.transport.HttpMethod;
import org.haochaping.transport.OkHttpTransport;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.RetryingTransport;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.Transport;
import org.haochaping.transport.TransportResponse;

import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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
 * <p>The client is configuration; what a call does is the same for every operation (see {@code docs/design.md}):
 * the request body is checked by the rules and written; the call is signed (or sealed) per attempt; the transport
 * sends and retries; the answer is verified, an unverifiable one is sent again under the same idempotency key; the
 * verified answer is read. Every operation comes in three shapes: {@code op(args)} with the default options,
 * {@code op(args, RequestOptions)}, and {@code opAsync(args, RequestOptions)}, whose future completes with what the
 * synchronous form returns or fails with what it throws. Bad arguments ({@link IllegalArgumentException},
 * {@link ValidationException}) are thrown by the call itself, in every shape, before anything is sent.
 *
 * <p>Errors are typed: {@link ValidationException} before anything is sent (with every violation, path and article),
 * {@link org.haochaping.transport.TransportException} when no attempt got a response,
 * {@link ServiceException} with the platform's code ({@link PlatformErrorCode}) for a refused request,
 * {@link org.haochaping.crypto.CryptoException} when a response's signature, timestamp or nonce does not verify, and
 * {@link MalformedResponseException} for a verified response that cannot be read. One client is immutable,
 * thread-safe and meant to be shared; close it when the application stops.
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

    /** The settings this client was built with, for {@link #newBuilder()}. */
    private final Builder settings;
    private final MessageSigner signer;
    private final EnvelopeSealer nationalSealer;
    /** The listener factory, or {@code null}: no listener, no event work. */
    private final HcpEventListener.Factory events;
    private final RequestBodies bodies;
    private final CallPipeline pipeline;

    private HcpClient(Builder b) {
        this.settings = new Builder(b);
        URI base = URI.create(b.baseUrl);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signer = MessageSigner.builder(b.signer).appId(b.appId).clock(b.clock).build();
        MessageVerifier.Builder v = MessageVerifier.builder(b.platformVerifier).clock(b.clock).expectedAppId(b.appId);
        if (b.allowedSkew != null) {
            v.allowedSkew(b.allowedSkew);
        }
        this.nationalSealer = b.nationalSealer;
        this.events = b.events;
        this.bodies = new RequestBodies(b.checkBeforeSend ? RuleCheck.STANDARD : RuleCheck.OFF, nationalSealer != null);
        RetryPolicy retryPolicy = b.retryPolicy != null ? b.retryPolicy : RetryPolicy.defaults();
        Transport transport;
        boolean owned = true;
        if (b.transport != null) {
            transport = b.transport;
            owned = false;
        } else if (b.exchange != null) {
            transport = RetryingTransport.builder(b.exchange).retryPolicy(retryPolicy).clock(b.clock)
                    .errorBodyParser(PlatformResponses.ERRORS).build();
        } else {
            transport = okHttpTransport(b, retryPolicy);
        }
        this.pipeline = new CallPipeline(transport, owned, new ResponseVerification(v.build(), basePath),
                retryPolicy.maxRetries());
    }

    private static Transport okHttpTransport(Builder b, RetryPolicy retryPolicy) {
        OkHttpTransport.Builder t = OkHttpTransport.builder(b.baseUrl).errorBodyParser(PlatformResponses.ERRORS)
                .retryPolicy(retryPolicy);
        if (b.connectTimeout != null) {
            t.connectTimeout(b.connectTimeout);
        }
        if (b.readTimeout != null) {
            t.readTimeout(b.readTimeout);
        }
        if (b.writeTimeout != null) {
            t.writeTimeout(b.writeTimeout);
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
        if (b.okHttpClient != null) {
            t.okHttpClient(b.okHttpClient);
        }
        return t.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this client's settings, to build a client that differs in some (another clock, retry policy
     * or timeout). The new client has transports of its own, except a {@link Builder#transport} or
     * {@link Builder#exchange} of the caller's, which both share; closing one client leaves the other working.
     */
    public Builder newBuilder() {
        return new Builder(settings);
    }

    // ---- cases and evaluations (5.2, 5.3, 5.7, 5.9) ----

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

    /** Submits up to {@value #MAX_RECORDS} case records (5.2) with a fresh idempotency key. */
    public SubmissionResult submitCases(List<CaseRecord> cases) {
        return submitCases(cases, RequestOptions.defaults());
    }

    /** Submits up to {@value #MAX_RECORDS} case records (5.2). */
    public SubmissionResult submitCases(List<CaseRecord> cases, RequestOptions options) {
        return submitEncoded(KIND_CASES, encodeCases(cases), options);
    }

    public CompletableFuture<SubmissionResult> submitCasesAsync(List<CaseRecord> cases, RequestOptions options) {
        return submitEncodedAsync(KIND_CASES, encodeCases(cases), options);
    }

    /** Reports up to {@value #MAX_RECORDS} cases marked "未评" with a fresh idempotency key (5.9). */
    public SubmissionResult reportUnevaluated(List<UnevaluatedRecord> records) {
        return reportUnevaluated(records, RequestOptions.defaults());
    }

    /**
     * Reports up to {@value #MAX_RECORDS} cases marked "未评" (Art. 16), as {@code EvaluationTracker.markUnevaluated}
     * gives them (5.9). Idempotent per case: a case reported again is a {@code DUPLICATE}.
     */
    public SubmissionResult reportUnevaluated(List<UnevaluatedRecord> records, RequestOptions options) {
        return submitEncoded(KIND_UNEVALUATED, encodeUnevaluated(records), options);
    }

    public CompletableFuture<SubmissionResult> reportUnevaluatedAsync(List<UnevaluatedRecord> records,
            RequestOptions options) {
        return submitEncodedAsync(KIND_UNEVALUATED, encodeUnevaluated(records), options);
    }

    /**
     * The request body for evaluations, checked by the rules: what {@link #submitEvaluations} sends, and what a
     * terminal puts in its outbox ({@code outbox.submit(KIND_EVALUATIONS, client.encodeEvaluations(list))}). In the
     * national profile it is the JSON array of national records, sealed into a fresh envelope on every attempt.
     *
     * @throws ValidationException with every violation, paths starting {@code [i]}
     */
    public byte[] encodeEvaluations(List<Evaluation> evaluations) {
        return bodies.evaluations(evaluations);
    }

    /** The request body for case records, checked by the rules (see {@link #encodeEvaluations}). */
    public byte[] encodeCases(List<CaseRecord> cases) {
        return bodies.cases(cases);
    }

    /** The request body of {@link #reportUnevaluated}: {@code {"records": [...]}} in the form of spec §2. */
    public byte[] encodeUnevaluated(List<UnevaluatedRecord> records) {
        return RequestBodies.unevaluated(records);
    }

    /** Sends a body made by an {@code encode} method with a fresh idempotency key (see the next method). */
    public SubmissionResult submitEncoded(String kind, byte[] body) {
        return submitEncoded(kind, body, RequestOptions.defaults());
    }

    /**
     * Sends a body made by {@link #encodeEvaluations}, {@link #encodeCases} or {@link #encodeUnevaluated} (e.g. from a
     * terminal's outbox). The same body with the same idempotency key is counted once however often it is sent.
     *
     * @param kind {@link #KIND_EVALUATIONS}, {@link #KIND_CASES} or {@link #KIND_UNEVALUATED}
     */
    public SubmissionResult submitEncoded(String kind, byte[] body, RequestOptions options) {
        return pipeline.execute(submission(kind, body), options);
    }

    public CompletableFuture<SubmissionResult> submitEncodedAsync(String kind, byte[] body, RequestOptions options) {
        return pipeline.executeAsync(submission(kind, body), options);
    }

    // ---- queries (5.4, 5.6, 5.8) ----

    /** Where an accepted evaluation stands (5.4). */
    public EvaluationStatus evaluationStatus(String evaluationNo) {
        return evaluationStatus(evaluationNo, RequestOptions.defaults());
    }

    public EvaluationStatus evaluationStatus(String evaluationNo, RequestOptions options) {
        return pipeline.execute(evaluationStatusCall(evaluationNo), options);
    }

    public CompletableFuture<EvaluationStatus> evaluationStatusAsync(String evaluationNo, RequestOptions options) {
        return pipeline.executeAsync(evaluationStatusCall(evaluationNo), options);
    }

    /**
     * The indicator catalogue as the platform publishes it (5.6), checked against the annex bundled with the SDK: a
     * code the SDK does not know, or a text that differs, is a {@link MalformedResponseException}.
     */
    public List<Indicator> indicators() {
        return indicators(RequestOptions.defaults());
    }

    public List<Indicator> indicators(RequestOptions options) {
        return pipeline.execute(indicatorsCall(), options);
    }

    public CompletableFuture<List<Indicator>> indicatorsAsync(RequestOptions options) {
        return pipeline.executeAsync(indicatorsCall(), options);
    }

    /**
     * {@code GET /v1/calendar/{year}} (interface-spec 5.8): the State Council's holiday arrangement of a year as
     * the platform publishes it, signed like every response, returned as text in the data-file format of
     * {@code docs/calendar.md} (with its {@code # published:} header when the platform gives the date), ready for
     * {@code WorkingDayCalendar.Builder.load(Reader, name)} or to be kept on disk.
     *
     * @throws ServiceException with status 404 ({@link PlatformErrorCode#NOT_FOUND}) when the year is not published
     */
    public String calendar(int year) {
        return calendar(year, RequestOptions.defaults());
    }

    public String calendar(int year, RequestOptions options) {
        return pipeline.execute(calendarCall(year), options);
    }

    public CompletableFuture<String> calendarAsync(int year, RequestOptions options) {
        return pipeline.executeAsync(calendarCall(year), options);
    }

    // ---- work orders (5.5) ----

    /**
     * One page of the work orders addressed to the caller, newest first.
     *
     * @param state only orders in this state, or {@code null} for all
     * @param deptCode only orders of this department, or {@code null}
     */
    public WorkOrderPage workOrders(WorkOrderState state, String deptCode, int page, int pageSize) {
        return workOrders(state, deptCode, page, pageSize, RequestOptions.defaults());
    }

    public WorkOrderPage workOrders(WorkOrderState state, String deptCode, int page, int pageSize,
            RequestOptions options) {
        return pipeline.execute(workOrdersCall(state, deptCode, page, pageSize), options);
    }

    public CompletableFuture<WorkOrderPage> workOrdersAsync(WorkOrderState state, String deptCode, int page,
            int pageSize, RequestOptions options) {
        return pipeline.executeAsync(workOrdersCall(state, deptCode, page, pageSize), options);
    }

    public WorkOrder workOrder(String orderNo) {
        return workOrder(orderNo, RequestOptions.defaults());
    }

    public WorkOrder workOrder(String orderNo, RequestOptions options) {
        return pipeline.execute(workOrderCall(orderNo), options);
    }

    public CompletableFuture<WorkOrder> workOrderAsync(String orderNo, RequestOptions options) {
        return pipeline.executeAsync(workOrderCall(orderNo), options);
    }

    /** Reports progress on a work order with a fresh idempotency key (see the next method). */
    public WorkOrder reportAction(String orderNo, WorkOrderAction action, Actor actor, OffsetDateTime at) {
        return reportAction(orderNo, action, actor, at, RequestOptions.defaults());
    }

    /**
     * Reports progress on a work order (Art. 19-21): the platform applies the action through the state machine and
     * answers with the order as it now stands. A refused transition is a {@link ServiceException} with the code
     * {@link PlatformErrorCode#ILLEGAL_TRANSITION}, whose message names the state and the article.
     */
    public WorkOrder reportAction(String orderNo, WorkOrderAction action, Actor actor, OffsetDateTime at,
            RequestOptions options) {
        return pipeline.execute(actionCall(orderNo, action, actor, at), options);
    }

    public CompletableFuture<WorkOrder> reportActionAsync(String orderNo, WorkOrderAction action, Actor actor,
            OffsetDateTime at, RequestOptions options) {
        return pipeline.executeAsync(actionCall(orderNo, action, actor, at), options);
    }

    /** Records the 12345 follow-up visit with a fresh idempotency key (see the next method). */
    public WorkOrder reportFollowUp(String orderNo, FollowUpResult result, Actor actor, OffsetDateTime at) {
        return reportFollowUp(orderNo, result, actor, at, RequestOptions.defaults());
    }

    /** Records the 12345 follow-up visit of a rectified work order (Art. 22). */
    public WorkOrder reportFollowUp(String orderNo, FollowUpResult result, Actor actor, OffsetDateTime at,
            RequestOptions options) {
        return pipeline.execute(followUpCall(orderNo, result, actor, at), options);
    }

    public CompletableFuture<WorkOrder> reportFollowUpAsync(String orderNo, FollowUpResult result, Actor actor,
            OffsetDateTime at, RequestOptions options) {
        return pipeline.executeAsync(followUpCall(orderNo, result, actor, at), options);
    }

    // ---- the outbox ----

    /**
     * Delivers outbox records made of {@link #encodeEvaluations} / {@link #encodeCases} bodies, with the record's
     * persisted idempotency key, so that a record delivered again after a crash is counted once. A record the
     * platform refuses for good ({@link PlatformErrorCode#refusesTheRequestForGood()}: its payload breaks the rules,
     * or its key was used with another body) is dropped with {@link org.haochaping.outbox.RecordRejectedException};
     * anything else (no network, 5xx, 429, a clock out of the signature window, an answer that does not verify or
     * does not answer every record) is delivered again later. In the national profile every attempt seals a fresh
     * envelope, and records the platform counted before come back {@code DUPLICATE}, which is delivered.
     */
    public OutboxSink outboxSink() {
        return new OutboxDelivery(this, nationalSealer != null);
    }

    // ---- the operations: a call and the reading of its answer ----

    private Operation<SubmissionResult> submission(String kind, byte[] body) {
        Objects.requireNonNull(body, "body");
        boolean national = nationalSealer != null && KIND_EVALUATIONS.equals(kind);
        String path = Endpoints.submission(kind, national);
        String operation = KIND_EVALUATIONS.equals(kind) ? "submitEvaluations"
                : KIND_CASES.equals(kind) ? "submitCases" : "reportUnevaluated";
        PlatformCall call = national ? PlatformCall.national(nationalSealer, operation, events, path, body)
                : PlatformCall.signed(signer, operation, events, HttpMethod.POST, path, body, "records");
        return new Operation<>(call, response -> ResponseReaders.submission(call, response));
    }

    private Operation<EvaluationStatus> evaluationStatusCall(String evaluationNo) {
        return get("evaluationStatus", Endpoints.evaluation(evaluationNo), ResponseReaders::evaluationStatus);
    }

    private Operation<List<Indicator>> indicatorsCall() {
        return get("indicators", Endpoints.INDICATORS, ResponseReaders::indicators);
    }

    private Operation<String> calendarCall(int year) {
        return get("calendar", Endpoints.calendar(year), r -> ResponseReaders.calendar(r, year));
    }

    private Operation<WorkOrderPage> workOrdersCall(WorkOrderState state, String deptCode, int page, int pageSize) {
        return get("workOrders", Endpoints.workOrders(state, deptCode, page, pageSize),
                r -> ResponseReaders.workOrderPage(r, page, pageSize));
    }

    private Operation<WorkOrder> workOrderCall(String orderNo) {
        return get("workOrder", Endpoints.workOrder(orderNo), ResponseReaders::workOrder);
    }

    private Operation<WorkOrder> actionCall(String orderNo, WorkOrderAction action, Actor actor, OffsetDateTime at) {
        return post("reportAction", Endpoints.workOrderActions(orderNo), RequestBodies.action(action, actor, at));
    }

    private Operation<WorkOrder> followUpCall(String orderNo, FollowUpResult result, Actor actor, OffsetDateTime at) {
        return post("reportFollowUp", Endpoints.workOrderFollowUp(orderNo), RequestBodies.followUp(result, actor, at));
    }

    private <T> Operation<T> get(String operation, String path, Function<TransportResponse, T> reader) {
        return new Operation<>(PlatformCall.signed(signer, operation, events, HttpMethod.GET, path, null, null), reader);
    }

    private Operation<WorkOrder> post(String operation, String path, byte[] body) {
        return new Operation<>(PlatformCall.signed(signer, operation, events, HttpMethod.POST, path, body, null),
                ResponseReaders::workOrder);
    }

    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "HcpClient{" + signer + (nationalSealer == null ? "" : ", national envelope") + "}";
    }

    /** Builds an {@link HcpClient}. Not thread-safe. */
    public static final class Builder {
        static {
            ConformanceKitAccess.install(builder -> builder.checkBeforeSend = false);
        }

        private String baseUrl;
        private String appId;
        private Signer signer;
        private Verifier platformVerifier;
        private Transport transport;
        private Exchange exchange;
        private Clock clock = Clock.systemUTC();
        private Duration allowedSkew;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private long maxResponseBytes;
        private Proxy proxy;
        private String proxyUser;
        private String proxyPassword;
        private RetryPolicy retryPolicy;
        private Duration writeTimeout;
        private okhttp3.OkHttpClient okHttpClient;
        private boolean checkBeforeSend = true;
        private EnvelopeSealer nationalSealer;
        private HcpEventListener.Factory events; // null: no listener, no event work

        private Builder() {
        }

        private Builder(Builder other) {
            this.baseUrl = other.baseUrl;
            this.appId = other.appId;
            this.signer = other.signer;
            this.platformVerifier = other.platformVerifier;
            this.transport = other.transport;
            this.exchange = other.exchange;
            this.clock = other.clock;
            this.allowedSkew = other.allowedSkew;
            this.connectTimeout = other.connectTimeout;
            this.readTimeout = other.readTimeout;
            this.callTimeout = other.callTimeout;
            this.maxResponseBytes = other.maxResponseBytes;
            this.proxy = other.proxy;
            this.proxyUser = other.proxyUser;
            this.proxyPassword = other.proxyPassword;
            this.retryPolicy = other.retryPolicy;
            this.writeTimeout = other.writeTimeout;
            this.okHttpClient = other.okHttpClient;
            this.checkBeforeSend = other.checkBeforeSend;
            this.nationalSealer = other.nationalSealer;
            this.events = other.events;
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
         * A whole transport of the caller's, retries included, used as it is: the client's own transport settings
         * (timeouts, proxy, body limit, OkHttp client, retry policy) would not reach it, so {@link #build()} refuses
         * them with it. The client reads the platform's error code from a verified error response itself, whatever
         * the transport's error body parser. To adapt another HTTP library and keep the SDK's retries, pass an
         * {@link #exchange} instead; to keep OkHttp with the application's own TLS, pool or dispatcher, pass
         * {@link #okHttpClient}.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * One attempt on the wire through another HTTP library ({@link Exchange}), wrapped in the SDK's retry
         * executor with this builder's {@link #retryPolicy}. The exchange has its own timeouts, proxy and body limit,
         * so {@link #build()} refuses the builder's with it. It is not closed with the client.
         */
        public Builder exchange(Exchange exchange) {
            this.exchange = Objects.requireNonNull(exchange, "exchange");
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
        public Builder proxy(Proxy proxy, String user, String password) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            this.proxyUser = user;
            this.proxyPassword = password;
            return this;
        }

        /**
         * How often the SDK's transport retries and how long it waits ({@link RetryPolicy#defaults()} unless set); its
         * {@code maxRetries} is also how often a response that does not verify is answered by sending the request
         * again. Applies to the default transport and to an {@link #exchange}; refused with a {@link #transport}.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
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
         * @throws IllegalStateException naming the first missing setting, or the first setting that would have no
         *     effect with the others (a transport setting next to a {@link #transport} or {@link #exchange} of the
         *     caller's)
         */
        public HcpClient build() {
            require(baseUrl, "baseUrl");
            require(appId, "appId");
            require(signer, "signer");
            require(platformVerifier, "platformVerifier");
            if (transport != null && exchange != null) {
                throw new IllegalStateException("transport and exchange: set one of them, not both");
            }
            String own = transport != null ? "transport" : exchange != null ? "exchange" : null;
            if (own != null) {
                List<String> ignored = new ArrayList<>();
                addIf(ignored, connectTimeout != null, "connectTimeout");
                addIf(ignored, readTimeout != null, "readTimeout");
                addIf(ignored, writeTimeout != null, "writeTimeout");
                addIf(ignored, callTimeout != null, "callTimeout");
                addIf(ignored, maxResponseBytes > 0, "maxResponseBytes");
                addIf(ignored, proxy != null, "proxy");
                addIf(ignored, okHttpClient != null, "okHttpClient");
                addIf(ignored, transport != null && retryPolicy != null, "retryPolicy");
                if (!ignored.isEmpty()) {
                    throw new IllegalStateException(ignored.get(0) + ": has no effect with " + own + "(...), which "
                            + "brings its own; set it on that " + own + (ignored.size() > 1 ? " (so do "
                            + String.join(", ", ignored.subList(1, ignored.size())) + ")" : ""));
                }
            }
            return new HcpClient(this);
        }

        private static void require(Object value, String setting) {
            if (value == null) {
                throw new IllegalStateException(setting + " is required");
            }
        }

        private static void addIf(List<String> names, boolean set, String name) {
            if (set) {
                names.add(name);
            }
        }
    }
}
