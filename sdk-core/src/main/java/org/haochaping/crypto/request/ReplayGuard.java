package org.haochaping.crypto.request;

/**
 * Remembers the nonces of accepted messages until their timestamp has left the acceptance window, so that a
 * captured message is accepted at most once (interface-spec 4). {@link InMemoryReplayGuard} is the default and
 * sees one JVM only; a department system running several instances behind a load balancer shares one guard
 * between them (sdk-jdbc's {@code JdbcReplayGuard}), or a callback replayed to another instance passes.
 *
 * <p>Implementations are thread-safe.
 */
public interface ReplayGuard {

    /**
     * Records {@code key} as seen until {@code expiresAtMillis}, atomically with the check.
     *
     * @return {@code false} when the key was already recorded and has not expired: a replay
     * @throws RuntimeException when the guard cannot tell (e.g. its database is down); the message must then be
     *     refused, never accepted unchecked
     */
    boolean firstSeen(String key, long nowMillis, long expiresAtMillis);
}
