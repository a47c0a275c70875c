package org.haochaping.crypto.request;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ReplayGuard}, in this JVM's memory: remembers the nonces of accepted messages until their timestamp has left the acceptance window, so a
 * captured message cannot be accepted twice. Bounded: at capacity the oldest entry is dropped (and a
 * warning logged, without the nonce), so memory stays fixed even under a flood; size it to at least the
 * number of messages expected within twice the allowed skew. Thread-safe.
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryReplayGuard.class);
    private static final long WARN_INTERVAL_MILLIS = 60_000L;

    private final int capacity;
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<String, Long>();
    private long evictions;
    private long lastWarning = Long.MIN_VALUE;

    public InMemoryReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay guard capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean firstSeen(String key, long nowMillis, long expiresAtMillis) {
        purgeExpiredHead(nowMillis);
        Long known = expiries.get(key);
        if (known != null && known.longValue() >= nowMillis) {
            return false;
        }
        if (known == null && expiries.size() >= capacity) {
            Iterator<Map.Entry<String, Long>> eldest = expiries.entrySet().iterator();
            eldest.next();
            eldest.remove();
            evictions++;
            if (nowMillis - lastWarning >= WARN_INTERVAL_MILLIS || lastWarning == Long.MIN_VALUE) {
                lastWarning = nowMillis;
                LOG.warn("Replay guard full ({} entries): dropped an unexpired nonce ({} so far); raise its capacity",
                        capacity, evictions);
            }
        }
        expiries.remove(key);
        expiries.put(key, expiresAtMillis);
        return true;
    }

    /** Number of nonces currently remembered. */
    public synchronized int size() {
        return expiries.size();
    }

    /** Arrival order roughly follows expiry order: drop expired entries from the head. */
    private void purgeExpiredHead(long nowMillis) {
        Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().longValue() >= nowMillis) {
                return;
            }
            it.remove();
        }
    }
}
