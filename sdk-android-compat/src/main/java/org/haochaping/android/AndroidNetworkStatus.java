package org.haochaping.android;

import android.content.Context;
import android.net.ConnectivityManager;
import android.net.Network;
import android.net.NetworkInfo;
import org.haochaping.outbox.NetworkStatus;
import org.haochaping.outbox.Outbox;

/**
 * The outbox's network hook on Android: asks the {@link ConnectivityManager} whether the default network is
 * connected, and wakes an outbox when it comes back, so that a terminal catches up the moment its network returns
 * instead of at its next backoff. Needs the {@code android.permission.ACCESS_NETWORK_STATE} permission.
 */
public final class AndroidNetworkStatus implements NetworkStatus {

    private final ConnectivityManager connectivity;

    private AndroidNetworkStatus(ConnectivityManager connectivity) {
        this.connectivity = connectivity;
    }

    /** The status of the application's default network. */
    public static AndroidNetworkStatus of(Context context) {
        if (context == null) {
            throw new NullPointerException("context must not be null");
        }
        return new AndroidNetworkStatus(
                (ConnectivityManager) context.getSystemService(Context.CONNECTIVITY_SERVICE));
    }

    @Override
    public boolean isAvailable() {
        NetworkInfo info = connectivity.getActiveNetworkInfo();
        return info != null && info.isConnected();
    }

    /**
     * Calls {@link Outbox#retryNow()} whenever a default network becomes available (API 24+). Keep the returned
     * callback to {@link ConnectivityManager#unregisterNetworkCallback unregister} it when the outbox closes.
     */
    public ConnectivityManager.NetworkCallback wakeOnReconnect(final Outbox outbox) {
        ConnectivityManager.NetworkCallback callback = new ConnectivityManager.NetworkCallback() {
            @Override
            public void onAvailable(Network network) {
                outbox.retryNow();
            }
        };
        connectivity.registerDefaultNetworkCallback(callback);
        return callback;
    }
}
