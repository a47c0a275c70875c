package org.haochaping.client;

import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.transport.PlatformError;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportResponse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nothing of a response is read before it verifies as the platform's answer to the attempt that got it
 * (interface-spec 4): its signature covers this request's method, path, query, nonce and body digest, so no other
 * answer of the platform can be substituted. A refusal is believed only when it verifies too ({@link CallPipeline}
 * decides what an unverified refusal means).
 */
final class ResponseVerification {

    private final MessageVerifier verifier;
    /** The base URL's path, which the signature covers with the request's. */
    private final String basePath;

    ResponseVerification(MessageVerifier verifier, String basePath) {
        this.verifier = verifier;
        this.basePath = basePath;
    }

    /**
     * @throws org.haochaping.crypto.CryptoException when the response's signature, timestamp or nonce does not verify
     */
    void verify(PlatformCall call, TransportResponse response) {
        if (call.national) {
            return; // the national profile's answers are not signed (5.7)
        }
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

    /**
     * A transport of the caller's does not know the platform's error body: the code is read here, from the verified
     * response, so that a refusal is a refusal whatever the transport (and the outbox drops, rather than retries, a
     * record the platform will never take).
     */
    static ServiceException withPlatformCode(ServiceException e) {
        if (e.platformCode().isPresent() || e.response() == null) {
            return e;
        }
        PlatformError parsed;
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
}
