package org.haochaping.android;

import android.content.Context;
import org.haochaping.outbox.Outbox;
import org.haochaping.outbox.OutboxSink;

import java.io.File;

/**
 * A terminal's outbox in the app's private storage ({@code Context.getFilesDir()/hcp-outbox}), asking Android
 * whether the network is up and woken when it returns. The files are the app's alone, as the personal data of
 * real-name evaluations requires (Art. 17).
 *
 * <pre>{@code
 * Outbox outbox = AndroidOutboxes.open(context, client.outboxSink());
 * outbox.submit(HcpClient.KIND_EVALUATIONS, client.encodeEvaluations(Collections.singletonList(evaluation)));
 * }</pre>
 */
public final class AndroidOutboxes {

    /** The folder under {@code getFilesDir()}. */
    public static final String FOLDER = "hcp-outbox";

    private AndroidOutboxes() {
    }

    /** Opens (or recovers) the outbox with the SDK's defaults; see {@link Outbox.Builder} for other settings. */
    public static Outbox open(Context context, OutboxSink sink) {
        return builder(context, sink).open();
    }

    /**
     * The outbox builder set up for Android: storage in the app's files folder and the network hook. Call
     * {@link AndroidNetworkStatus#wakeOnReconnect} with the opened outbox to resume at once when the network returns.
     */
    public static Outbox.Builder builder(Context context, OutboxSink sink) {
        if (context == null) {
            throw new NullPointerException("context must not be null");
        }
        return Outbox.builder(new File(context.getFilesDir(), FOLDER).toPath(), sink)
                .networkStatus(AndroidNetworkStatus.of(context));
    }
}
