package org.haochaping.android;

import org.haochaping.outbox.OutboxSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What can be checked of the Android adapters on a JVM without faking Android: their argument checks. */
class AndroidAdaptersTest {

    private static final OutboxSink SINK = record -> { };

    @Test
    void aContextIsRequired() {
        assertThatThrownBy(() -> AndroidOutboxes.open(null, SINK)).isInstanceOf(NullPointerException.class)
                .hasMessage("context must not be null");
        assertThatThrownBy(() -> AndroidNetworkStatus.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("context must not be null");
        assertThatThrownBy(() -> ArgbBitmaps.from(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("image must not be null");
    }
}
