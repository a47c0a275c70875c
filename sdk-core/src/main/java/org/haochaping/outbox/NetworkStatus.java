package org.haochaping.outbox;

/**
 * Whether the device has a network now. The outbox asks before each delivery and, when it has none, waits instead of
 * spending attempts (and battery) on a request that cannot leave; {@link Outbox#retryNow()} wakes it when the
 * network returns. On Android, {@code sdk-android-compat} implements this with the ConnectivityManager.
 */
@FunctionalInterface
public interface NetworkStatus {

    /** Always online: the default, for servers and desktop terminals. */
    NetworkStatus ALWAYS = () -> true;

    boolean isAvailable();
}
