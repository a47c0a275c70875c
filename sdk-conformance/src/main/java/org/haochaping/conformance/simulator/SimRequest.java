package org.haochaping.conformance.simulator;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP request as the platform sees it, independent of the server that received it. Immutable. */
final class SimRequest {

    final long sequence;
    final String method;
    /** The path exactly as sent (still percent-encoded). */
    final String path;
    /** The query exactly as sent, without {@code ?}; {@code null} for none. */
    final String query;
    /** Header names compared case-insensitively; the first value of a repeated header. */
    final Map<String, String> headers;
    final byte[] body;

    SimRequest(long sequence, String method, String path, String query, Map<String, String> headers, byte[] body) {
        this.sequence = sequence;
        this.method = method;
        this.path = path == null || path.isEmpty() ? "/" : path;
        this.query = query == null || query.isEmpty() ? null : query;
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body;
    }

    /** Splits {@code pathAndQuery} ({@code /v1/x?a=1}) at the first {@code ?}. */
    static SimRequest of(long sequence, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? new SimRequest(sequence, method, pathAndQuery, null, headers, body)
                : new SimRequest(sequence, method, pathAndQuery.substring(0, q), pathAndQuery.substring(q + 1), headers, body);
    }

    String header(String name) {
        String v = headers.get(name);
        return v == null ? null : v.trim();
    }

    @Override
    public String toString() {
        return "SimRequest[#" + sequence + " " + method + " " + path + "]";
    }
}
