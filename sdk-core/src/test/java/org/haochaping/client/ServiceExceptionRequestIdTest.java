package org.haochaping.client;

import org.haochaping.transport.PlatformError;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's request id reaches the caller of a failed request (interface-spec 5.1), never its message text. */
class ServiceExceptionRequestIdTest {

    private static TransportResponse response(Map<String, List<String>> headers, String body) {
        return new TransportResponse(409, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static ServiceException thrown(TransportResponse response) {
        PlatformError error = PlatformResponses.ERRORS.parse(response).orElse(null);
        return new ServiceException("POST /v1/evaluations: HTTP 409", response, error, 1, null, null);
    }

    @Test
    void theEnvelopesRequestIdIsRead() {
        ServiceException e = thrown(response(Collections.<String, List<String>>emptyMap(),
                "{\"code\":\"IDEMPOTENCY_CONFLICT\",\"message\":\"张三 already sent\",\"requestId\":\"req-00000042\"}"));
        assertThat(e.requestId()).contains("req-00000042");
        assertThat(e.platformCode()).contains("IDEMPOTENCY_CONFLICT");
        assertThat(e.response().header("X-Request-Id")).isEmpty();
    }

    @Test
    void aGatewaysHeaderIsTheFallbackAndNothingIsInvented() {
        ServiceException gateway = thrown(response(
                Collections.singletonMap("X-Request-Id", Collections.singletonList("gw-7f3a")), "<html>Bad Gateway</html>"));
        assertThat(gateway.requestId()).contains("gw-7f3a");
        assertThat(gateway.platformCode()).isEmpty();

        ServiceException none = thrown(response(Collections.<String, List<String>>emptyMap(), "{\"code\":\"INTERNAL\"}"));
        assertThat(none.requestId()).isEmpty();
    }
}
