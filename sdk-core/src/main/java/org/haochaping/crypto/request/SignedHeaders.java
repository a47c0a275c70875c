package org.haochaping.crypto.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.haochaping.InternalApi;

/**
 * The headers that carry one signature, and the canonical string that was signed (public data: it holds
 * only the SM3 digest of the body). Immutable.
 */
@InternalApi
public final class SignedHeaders {

    private final Map<String, String> headers;
    private final CanonicalMessage canonical;

    SignedHeaders(String appId, String keyId, String algorithm, long timestamp, String nonce, String signature,
            CanonicalMessage canonical) {
        Map<String, String> map = new LinkedHashMap<String, String>();
        map.put(SignatureHeaders.APP_ID, appId);
        map.put(SignatureHeaders.KEY_ID, keyId);
        map.put(SignatureHeaders.ALGORITHM, algorithm);
        map.put(SignatureHeaders.TIMESTAMP, Long.toString(timestamp));
        map.put(SignatureHeaders.NONCE, nonce);
        map.put(SignatureHeaders.SIGNATURE, signature);
        this.headers = Collections.unmodifiableMap(map);
        this.canonical = canonical;
    }

    /** The six {@code X-Hcp-*} headers in a fixed order, ready to add to an HTTP message. */
    public Map<String, String> asMap() {
        return headers;
    }

    public String get(String name) {
        return headers.get(name);
    }

    public String signature() {
        return headers.get(SignatureHeaders.SIGNATURE);
    }

    public String nonce() {
        return headers.get(SignatureHeaders.NONCE);
    }

    public long timestamp() {
        return Long.parseLong(headers.get(SignatureHeaders.TIMESTAMP));
    }

    /** What was signed, for debugging a signature mismatch with the other side. */
    public CanonicalMessage canonicalMessage() {
        return canonical;
    }

    @Override
    public String toString() {
        return "SignedHeaders" + headers;
    }
}
