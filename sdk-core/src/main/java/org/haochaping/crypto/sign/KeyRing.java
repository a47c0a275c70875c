package org.haochaping.crypto.sign;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.haochaping.crypto.CryptoException;

/**
 * The keys a verifier accepts, by key id. Thread-safe and changeable while in use, so a platform key can
 * be added before the platform starts using it and removed after the overlap: rotation without downtime.
 */
final class KeyRing<K> {

    // Typed as ConcurrentMap: ConcurrentHashMap.keySet() returns KeySetView on Java 8+, which Android API 26 lacks.
    private final ConcurrentMap<String, K> keys = new ConcurrentHashMap<String, K>();

    void put(String keyId, K key) {
        keys.put(KeyIds.require(keyId), key);
    }

    boolean remove(String keyId) {
        return keyId != null && keys.remove(keyId) != null;
    }

    Set<String> ids() {
        return Collections.unmodifiableSet(new TreeSet<String>(keys.keySet()));
    }

    K require(String algorithm, String keyId) {
        K key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new CryptoException(CryptoException.Reason.UNKNOWN_KEY,
                    algorithm + " verifier has no key with id '" + (KeyIds.isValid(keyId) ? keyId : "(invalid id)") + "'");
        }
        return key;
    }
}
