package org.haochaping.client;

import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.SignatureHeaders;
import org.haochaping.event.HcpEventListener;
import org.haochaping.transport.HttpMethod;
import org.haochaping.transport.TransportRequest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One logical request to the platform and what its response must answer. A signed call is signed per attempt, so a
 * retry carries a fresh timestamp and nonce (interface-spec 4, 5.1), and remembers the nonce of the attempt last sent
 * for {@link ResponseVerification}. A national call seals a fresh envelope per attempt (5.7) and gets unsigned
 * answers.
 */
final class PlatformCall {

    final TransportRequest http;
    /** The body as given (for a national call: the records, not the envelope), or {@code null} for none. */
    final byte[] body;
    final AtomicReference<String> nonce;
    final boolean national;
    /** The call's events ({@code HcpEventListener}): the transport tells it of attempts, the pipeline of the rest. */
    final CallEvents events;

    private PlatformCall(TransportRequest http, byte[] body, AtomicReference<String> nonce, boolean national,
            CallEvents events) {
        this.http = http;
        this.body = body;
        this.nonce = nonce;
        this.national = national;
        this.events = events;
    }

    /**
     * A request signed anew on every attempt with the caller's key.
     *
     * @param operation the client method that makes it, as events and metrics name it
     * @param listeners the client's listener factory, or {@code null} for none
     * @param recordsField where the body's records are ({@code "records"}), or {@code null} for a body without
     */
    static PlatformCall signed(MessageSigner signer, String operation, HcpEventListener.Factory listeners,
            HttpMethod method, String path, byte[] body, String recordsField) {
        CallEvents events = new CallEvents(listeners, operation, method, path, body, recordsField);
        TransportRequest.Builder b = TransportRequest.builder(method, path).attemptObserver(events);
        if (body != null) {
            b.body(body, RequestBodies.JSON_TYPE);
        }
        AtomicReference<String> nonce = new AtomicReference<>();
        b.attemptHeaders((m, encodedPath, encodedQuery, bytes) -> {
            Map<String, String> headers = signer.signRequest(m.name(), encodedPath, encodedQuery, bytes).asMap();
            nonce.set(headers.get(SignatureHeaders.NONCE));
            return headers;
        });
        return new PlatformCall(b.build(), body, nonce, false, events);
    }

    /** A national submission of the JSON array of national records, sealed into a fresh envelope on every attempt. */
    static PlatformCall national(EnvelopeSealer sealer, String operation, HcpEventListener.Factory listeners,
            String path, byte[] records) {
        if (!RequestBodies.isArray(records)) {
            throw new IllegalArgumentException("a national submission is the JSON array of encodeEvaluations");
        }
        CallEvents events = new CallEvents(listeners, operation, HttpMethod.POST, path, records, "");
        TransportRequest http = TransportRequest.builder(HttpMethod.POST, path).body(records, RequestBodies.JSON_TYPE)
                .attemptBody(r -> sealer.seal(r).toJson().getBytes(StandardCharsets.UTF_8)).attemptObserver(events)
                .build();
        return new PlatformCall(http, records, new AtomicReference<String>(), true, events);
    }

    @Override
    public String toString() {
        return http.toString();
    }
}
