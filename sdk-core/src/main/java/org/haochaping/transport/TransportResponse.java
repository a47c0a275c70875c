package org.haochaping.transport;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP response as the transport received it: status, headers and body bytes. Immutable and
 * thread-safe.
 */
public final class TransportResponse {

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * A response; for transports and for tests of code that consumes responses. Headers and body are
     * copied.
     */
    public TransportResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {
        this(checkStatus(statusCode), HeaderRules.immutableCopy(headers), body.clone(), true);
    }

    /** Takes ownership of an immutable header map and a body nobody else holds: no copies per response. */
    TransportResponse(int statusCode, Map<String, List<String>> immutableHeaders, byte[] ownedBody, boolean owned) {
        this.statusCode = statusCode;
        this.headers = immutableHeaders;
        this.body = ownedBody;
    }

    private static int checkStatus(int statusCode) {
        if (statusCode < 100 || statusCode > 999) {
            throw new IllegalArgumentException("statusCode: " + statusCode + " is not an HTTP status");
        }
        return statusCode;
    }

    public int statusCode() {
        return statusCode;
    }

    /** {@code true} for a 2xx status. */
    public boolean isSuccessful() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** The headers by case-insensitive name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.<String>empty() : Optional.of(values.get(0));
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    /** Status and body length; never header values or body content. */
    @Override
    public String toString() {
        return "TransportResponse{status=" + statusCode + ", body=" + body.length + " bytes}";
    }
}
