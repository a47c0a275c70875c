package org.haochaping.transport;

import java.util.Map;

/**
 * Headers computed anew for every attempt of a request, after the transport has resolved its URL: a signature
 * over a fresh timestamp and nonce (interface-spec section 4) must not be replayed by a retry, or the platform
 * refuses the retry as a replayed nonce.
 */
@FunctionalInterface
public interface AttemptHeaders {

    /**
     * @param method the request's method
     * @param encodedPath the full path as sent (the base URL's path and the request's), percent-encoded
     * @param encodedQuery the query as sent, or {@code null} for none
     * @param body the body bytes (empty for none); not to be modified
     * @return the headers to set on this attempt
     */
    Map<String, String> forAttempt(HttpMethod method, String encodedPath, String encodedQuery, byte[] body);
}
