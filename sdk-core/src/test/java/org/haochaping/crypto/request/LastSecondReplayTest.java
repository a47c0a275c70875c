package org.haochaping.crypto.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 9: timestamps are whole seconds, so a message signed at ts is accepted until ts + 300.999 s; its
 * nonce must be remembered that long (it was forgotten at ts + 300 s: 200, 401, then 200 again at ts + 300.5 s).
 */
class LastSecondReplayTest {

    static final Instant NOW = MessageSigningTest.NOW;

    @Test
    void nonceIsRememberedUntilTheLastAcceptableMillisecond() {
        Map<String, String> headers = MessageSigningTest.signer(NOW)
                .signRequest("POST", "/v1/evaluations", null, MessageSigningTest.BODY).asMap();
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        MessageVerifier verifier = MessageVerifier.builder(
                Sm2Verifier.builder().key("app-key-1", MessageSigningTest.APP_KEY.publicKey()).build()).clock(clock).build();
        Runnable deliver = () -> verifier.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, headers,
                MessageSigningTest.BODY);
        assertThat(MessageSigningTest.reason(deliver)).isNull();
        now[0] = NOW.plusMillis(300_000);
        assertThat(MessageSigningTest.reason(deliver)).isEqualTo(CryptoException.Reason.REPLAYED);
        now[0] = NOW.plusMillis(300_500);
        assertThat(MessageSigningTest.reason(deliver)).isEqualTo(CryptoException.Reason.REPLAYED);
        now[0] = NOW.plusMillis(300_999);
        assertThat(MessageSigningTest.reason(deliver)).isEqualTo(CryptoException.Reason.REPLAYED);
        now[0] = NOW.plusMillis(301_000);
        assertThat(MessageSigningTest.reason(deliver)).isEqualTo(CryptoException.Reason.EXPIRED);
    }
}
