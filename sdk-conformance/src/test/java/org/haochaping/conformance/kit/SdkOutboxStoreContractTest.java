package org.haochaping.conformance.kit;

import java.nio.file.Path;
import java.time.Duration;

import org.haochaping.outbox.Outbox;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.OutboxStore;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's file {@link Outbox} passes the outbox store contract (one directory per test). */
class SdkOutboxStoreContractTest implements OutboxStoreContract {

    @TempDir
    Path directory;

    @Override
    public OutboxStore open(OutboxSink sink) {
        return Outbox.builder(directory, sink).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).open();
    }
}
