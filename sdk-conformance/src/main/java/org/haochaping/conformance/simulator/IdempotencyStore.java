package org.haochaping.conformance.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Idempotency keys of writes (docs/interface-spec.md, 5.1): per app, the key with the SM3 digest of the
 * request (method, path and body) and the response the platform gave, kept for {@link #RETENTION}. Not
 * thread-safe: the caller holds the platform's write lock across look-up, processing and storing, so that a
 * retry arriving while the first attempt is processed waits for it and gets its response.
 */
final class IdempotencyStore {

    /** How long a key is kept: the spec's "at least 24 hours". */
    static final Duration RETENTION = Duration.ofHours(24);
    static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    /** The first response to a key. */
    static final class Entry {
        final String requestDigest;
        final Instant storedAt;
        final int status;
        final byte[] body;
        final ErrorCode code;
        final String message;

        Entry(String requestDigest, Instant storedAt, int status, byte[] body, ErrorCode code, String message) {
            this.requestDigest = requestDigest;
            this.storedAt = storedAt;
            this.status = status;
            this.body = body;
            this.code = code;
            this.message = message;
        }
    }

    /** Insertion order is storage order, so expired keys are at the head. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    Entry find(String appId, String key, Instant now) {
        purge(now);
        return entries.get(appId + '\u0000' + key);
    }

    void put(String appId, String key, Entry entry) {
        entries.put(appId + '\u0000' + key, entry);
    }

    void clear() {
        entries.clear();
    }

    private void purge(Instant now) {
        Instant oldest = now.minus(RETENTION);
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext() && it.next().getValue().storedAt.isBefore(oldest)) {
            it.remove();
        }
    }
}
