package org.haochaping.conformance.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.haochaping.crypto.request.SignatureHeaders;

/**
 * The thin WireMock adapter: the one catch-all stub's response is computed here, by {@link PlatformHttp}, after
 * the next injected fault (if any) is taken from {@link Faults}. Every request is recorded in the
 * {@link RequestLog}. Thread-safe (WireMock calls it from its request threads).
 */
final class PlatformTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "hcp-central-platform";

    private final PlatformHttp http;
    private final Faults faults;
    private final RequestLog log;
    private final FaultSchedule schedule;
    private final ResponseTampering tampering;
    private final Observations observations;
    private final ObservationsFile observationsFile;

    /** {@code observationsFile}: where to write {@code observations} after every request; {@code null} for nowhere. */
    PlatformTransformer(PlatformHttp http, Faults faults, RequestLog log, FaultSchedule schedule,
            ResponseTampering tampering, Observations observations, ObservationsFile observationsFile) {
        this.observations = observations;
        this.observationsFile = observationsFile;
        this.http = http;
        this.faults = faults;
        this.log = log;
        this.schedule = schedule;
        this.tampering = tampering;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the catch-all stub, which names this transformer. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        long sequence = log.nextSequence();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            headers.putIfAbsent(h.key(), h.firstValue());
        }
        SimRequest r = SimRequest.of(sequence, request.getMethod().getName(), request.getUrl(), headers, request.getBody());
        long arrived = System.nanoTime();
        Attempt attempt;
        if (NationalEndpoint.PATH.equals(r.path)) {
            // An envelope is known by the records it opens to; one that does not open is no write to fault.
            NationalEndpoint.Identity national = http.nationalIdentity(r);
            attempt = national == null ? new Attempt(null, null, null, null)
                    : new Attempt(national.digest(), national.key(), national.seal(), national.time());
        } else {
            attempt = new Attempt(PlatformHttp.requestDigest(r), r.header(PlatformHttp.IDEMPOTENCY_KEY),
                    r.header(SignatureHeaders.NONCE), r.header(SignatureHeaders.TIMESTAMP));
        }
        Faults.Fault fault = faults.take();
        if (fault == null && schedule != null) {
            fault = schedule.faultFor(r, attempt.digest, attempt.key);
        }
        if (fault != null && fault.kind == Faults.Kind.RESET) {
            record(r, null, fault, attempt, arrived);
            return reset();
        }
        SimResponse response;
        if (fault != null && (fault.kind == Faults.Kind.FAIL || fault.kind == Faults.Kind.RATE_LIMIT)) {
            response = http.injectedError(r, fault.status, "injected fault: " + fault, fault.retryAfterSeconds);
        } else {
            response = CurrentRequest.serving(sequence, () -> http.handle(r));
        }
        if (fault != null && fault.kind == Faults.Kind.WRONG_KEY) {
            response = tampering.signedWithWrongKey(r, response);
        } else if (fault != null && fault.kind == Faults.Kind.ALTER_BYTE) {
            response = ResponseTampering.alterOneByte(response);
        } else if (fault != null && (fault.kind == Faults.Kind.DROP_RESULT || fault.kind == Faults.Kind.ALTER_INDEX)) {
            response = NationalEndpoint.tampered(response, fault.kind == Faults.Kind.DROP_RESULT);
        }
        record(r, response, fault, attempt, arrived);
        if (fault != null && fault.kind == Faults.Kind.LOSE_RESPONSE) {
            return reset();
        }
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(response.status)
                .withBody(response.body);
        for (Map.Entry<String, String> h : response.headers.entrySet()) {
            b.withHeader(h.getKey(), h.getValue());
        }
        if (fault != null && fault.kind == Faults.Kind.DELAY) {
            b.withFixedDelay((int) fault.delay.toMillis());
        }
        return b.build();
    }

    private static ResponseDefinition reset() {
        return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    /** What the observations keep of one attempt of a write: see {@link ObservedRequest}. */
    private record Attempt(String digest, String key, String nonce, String timestamp) {
    }

    private void record(SimRequest r, SimResponse response, Faults.Fault fault, Attempt attempt, long arrived) {
        String sender = response != null ? response.sender : PlatformHttp.namedApp(r);
        String diagnostics = response != null && response.code == ErrorCode.SIGNATURE_INVALID
                ? SignatureDiagnostics.of(r) : null;
        log.add(new ObservedRequest(r.sequence, r.method, r.path, sender, attempt.key,
                response == null || (fault != null && fault.kind == Faults.Kind.LOSE_RESPONSE) ? 0 : response.status,
                response == null ? null : response.code, response == null ? null : response.message,
                fault == null ? null : fault.toString(), response != null && response.idempotentReplay, attempt.digest,
                attempt.nonce, attempt.timestamp, arrived, diagnostics, response == null ? -1 : response.counted));
        if (observationsFile != null) {
            observationsFile.write(observations, schedule);
        }
    }
}
