package org.haochaping.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransportRequestTest {

    @Test
    void copiesTheBodyAndKeepsHeadersCaseInsensitive() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
        TransportRequest request = TransportRequest.builder(HttpMethod.PUT, "/v1/cases/1")
                .header("X-Trace", "a").header("x-trace", "b")
                .body(body, "application/json").build();
        body[0] = 'z';

        assertThat(request.body()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(request.headers().get("X-TRACE")).containsExactly("a", "b");
        assertThat(request.contentType()).isEqualTo("application/json");
    }

    @Test
    void toStringShowsNeitherHeaderValuesNorBodyNorQuery() {
        TransportRequest request = TransportRequest.builder(HttpMethod.POST, "/v1/x?certNo=120101199001011234")
                .header("Authorization", "Bearer secret-token")
                .body("{\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8), "application/json").build();

        assertThat(request.toString())
                .isEqualTo("TransportRequest{POST /v1/x?…, headers=[Authorization], body=17 bytes}")
                .doesNotContain("secret-token", "120101199001011234");
    }

    @Test
    void rejectsBadPathsHeadersAndBodies() {
        assertThatThrownBy(() -> TransportRequest.builder(HttpMethod.GET, "v1/x"))
                .hasMessage("path: must start with '/' (it is resolved against the base URL)");
        assertThatThrownBy(() -> TransportRequest.builder(HttpMethod.GET, "//evil.example/x"))
                .hasMessageStartingWith("path: must not start with '//'");
        assertThatThrownBy(() -> TransportRequest.builder(HttpMethod.GET, "/v1/评价"))
                .hasMessageStartingWith("path: character at index 4 must be percent-encoded");
        assertThatThrownBy(() -> TransportRequest.builder(HttpMethod.GET, "/x").body(new byte[1], "text/plain"))
                .hasMessage("body: GET requests carry no body");
        assertThatThrownBy(() -> TransportRequest.builder(HttpMethod.POST, "/x").body(new byte[1], "json"))
                .hasMessageStartingWith("contentType: 'json' is not a media type");
        assertThatThrownBy(() -> TransportRequest.builder(HttpMethod.POST, "/x").header("Idempotency-Key", "k"))
                .hasMessageStartingWith("header Idempotency-Key: set by the transport");
        assertThatThrownBy(() -> TransportRequest.builder(HttpMethod.POST, "/x").header("Bad Name", "v"))
                .hasMessageStartingWith("header name 'Bad Name': character at index 3");
    }

    @Test
    void aBadHeaderValueIsReportedWithoutTheValue() {
        assertThatThrownBy(() -> TransportRequest.builder(HttpMethod.POST, "/x")
                .header("X-Signature", "secret-sig\r\nX-Injected: 1"))
                .hasMessage("header X-Signature: character at index 10 of the value is not allowed "
                        + "(only visible ASCII, space and tab)")
                .message().doesNotContain("secret-sig");
    }

    @Test
    void idempotencyKeysAreVisibleAscii() {
        assertThat(IdempotencyKey.of("outbox-1").value()).isEqualTo("outbox-1");
        assertThat(IdempotencyKey.random()).isNotEqualTo(IdempotencyKey.random());
        assertThatThrownBy(() -> IdempotencyKey.of("")).hasMessage("idempotencyKey: must not be empty");
        assertThatThrownBy(() -> IdempotencyKey.of("a b"))
                .hasMessage("idempotencyKey: character at index 1 is not visible ASCII");
        assertThatThrownBy(() -> IdempotencyKey.of(new String(new char[256]).replace('\0', 'k')))
                .hasMessage("idempotencyKey: 256 characters, at most 255 allowed");
    }
}
