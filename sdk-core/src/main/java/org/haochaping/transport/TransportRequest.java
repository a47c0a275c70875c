package org.haochaping.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the transport sends it: method, path relative to the transport's base URL, headers
 * and body bytes. Opaque to the transport: what the body means (payload, wire profile, signature) is the
 * client's business. Immutable and thread-safe.
 *
 * <pre>{@code
 * TransportRequest request = TransportRequest.builder(HttpMethod.POST, "/v1/evaluations")
 *         .header("X-Hcp-Key-Id", "k1")
 *         .body(json, "application/json; charset=utf-8")
 *         .build();
 * }</pre>
 *
 * <p>{@code Idempotency-Key} and {@code User-Agent} are set by the transport (use
 * {@link RequestOptions.Builder#idempotencyKey(IdempotencyKey)}); {@code Content-Type} is given with the
 * body.
 */
public final class TransportRequest {

    private static final byte[] NO_BODY = new byte[0];

    private final HttpMethod method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String contentType;
    private final AttemptHeaders attemptHeaders;
    private final AttemptBody attemptBody;
    private final AttemptObserver attemptObserver;

    private TransportRequest(Builder builder) {
        this.method = builder.method;
        this.path = builder.path;
        this.headers = HeaderRules.immutableCopy(builder.headers);
        this.body = builder.body;
        this.contentType = builder.contentType;
        this.attemptHeaders = builder.attemptHeaders;
        this.attemptBody = builder.attemptBody;
        this.attemptObserver = builder.attemptObserver;
    }

    /**
     * Starts a request.
     *
     * @param path the path below the base URL, starting with {@code /}; it may carry a query string
     */
    public static Builder builder(HttpMethod method, String path) {
        return new Builder(method, path);
    }

    public HttpMethod method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The path without its query string: what log lines show, since a query may carry identifiers. */
    String pathForLogs() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query) + "?…";
    }

    /** The headers by case-insensitive name, each with its values in the order given. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the body bytes; empty for a request without a body. */
    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /** The media type of the body, or {@code null} when there is no body. */
    public String contentType() {
        return contentType;
    }

    /** The headers computed for each attempt (e.g. its signature), or {@code null} for none. */
    public AttemptHeaders attemptHeaders() {
        return attemptHeaders;
    }

    /** The body computed for each attempt from {@link #body()} (e.g. a sealed envelope), or {@code null} for none. */
    public AttemptBody attemptBody() {
        return attemptBody;
    }

    /** Told of each attempt and retry (for events and metrics), or {@code null} for none. */
    public AttemptObserver attemptObserver() {
        return attemptObserver;
    }

    /**
     * The bytes to send on one attempt: {@link #attemptBody()} applied, or a copy of the stored body. An
     * {@link Exchange} calls it once per attempt, since an attempt body (a national envelope) is valid once.
     */
    public byte[] bodyForAttempt() {
        return attemptBody == null ? body.clone() : attemptBody.forAttempt(body);
    }

    /**
     * The headers of {@link #attemptHeaders()} for one attempt, computed over what that attempt sends; empty when the
     * request has none. An {@link Exchange} calls it once per attempt, after resolving the URL.
     *
     * @param encodedPath the full path as sent (the base URL's path and the request's), percent-encoded
     * @param encodedQuery the query as sent, or {@code null} for none
     * @param body the bytes of {@link #bodyForAttempt()} for this attempt
     */
    public Map<String, String> attemptHeadersFor(String encodedPath, String encodedQuery, byte[] body) {
        if (attemptHeaders == null) {
            return java.util.Collections.emptyMap();
        }
        return attemptHeaders.forAttempt(method, encodedPath, encodedQuery, body);
    }

    /** Method, path (without the query) and header names; never header values or body content. */
    @Override
    public String toString() {
        return "TransportRequest{" + method + " " + pathForLogs() + ", headers=" + headers.keySet()
                + ", body=" + body.length + " bytes}";
    }

    /** Builds a {@link TransportRequest}. Not thread-safe. */
    public static final class Builder {
        private final HttpMethod method;
        private final String path;
        private final Map<String, List<String>> headers = HeaderRules.newMutableMap();
        private byte[] body = NO_BODY;
        private String contentType;
        private AttemptHeaders attemptHeaders;
        private AttemptBody attemptBody;
        private AttemptObserver attemptObserver;

        private Builder(HttpMethod method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = checkPath(path);
        }

        private static String checkPath(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("path: must start with '/' (it is resolved against the base URL)");
            }
            if (path.startsWith("//")) {
                throw new IllegalArgumentException("path: must not start with '//' (that would name another host)");
            }
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c <= 0x20 || c >= 0x7f || c == '#') {
                    throw new IllegalArgumentException(
                            "path: character at index " + i + " must be percent-encoded (no spaces, controls, "
                                    + "non-ASCII or fragments)");
                }
            }
            return path;
        }

        /**
         * Adds a header value; a name may be added several times.
         *
         * @throws IllegalArgumentException when the name is not an HTTP token, the value holds line breaks
         *     or non-ASCII characters, or the name is one the transport sets itself
         */
        public Builder header(String name, String value) {
            HeaderRules.checkName(name);
            if (HeaderRules.isReserved(name)) {
                throw new IllegalArgumentException("header " + name + ": set by the transport; "
                        + "give the idempotency key in RequestOptions and the content type with body()");
            }
            HeaderRules.checkValue(name, value);
            List<String> values = headers.get(name);
            if (values == null) {
                values = new ArrayList<>(1);
                headers.put(name, values);
            }
            values.add(value);
            return this;
        }

        /**
         * Sets the body; the bytes are copied.
         *
         * @param contentType the media type, e.g. {@code application/json; charset=utf-8}
         * @throws IllegalArgumentException when the method takes no body (GET, HEAD)
         */
        public Builder body(byte[] body, String contentType) {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(contentType, "contentType");
            if (!method.permitsBody()) {
                throw new IllegalArgumentException("body: " + method + " requests carry no body");
            }
            HeaderRules.checkValue(HeaderRules.CONTENT_TYPE, contentType);
            if (!HeaderRules.isMediaType(contentType)) {
                throw new IllegalArgumentException("contentType: '" + contentType + "' is not a media type "
                        + "(type/subtype, optionally followed by ;parameters)");
            }
            this.body = body.clone();
            this.contentType = contentType;
            return this;
        }

        /** Headers to compute for every attempt, such as a signature over a fresh timestamp and nonce. */
        public Builder attemptHeaders(AttemptHeaders attemptHeaders) {
            this.attemptHeaders = Objects.requireNonNull(attemptHeaders, "attemptHeaders");
            return this;
        }

        /** A body to make for every attempt from the stored one, such as an envelope sealed at sending time. */
        public Builder attemptBody(AttemptBody attemptBody) {
            this.attemptBody = Objects.requireNonNull(attemptBody, "attemptBody");
            return this;
        }

        /** Told of each attempt the transport sends and each retry it schedules (events, metrics). */
        public Builder attemptObserver(AttemptObserver attemptObserver) {
            this.attemptObserver = Objects.requireNonNull(attemptObserver, "attemptObserver");
            return this;
        }

        public TransportRequest build() {
            return new TransportRequest(this);
        }
    }
}
