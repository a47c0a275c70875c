package org.haochaping.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Arrays;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13, defect 5: a response of any size or speed was read whole before anything was verified (3 GB: out of
 * memory; one byte every 5 s: a call as long as the server likes). Responses are capped and every attempt has a
 * whole-call timeout by default.
 */
class UnboundedResponseTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/v1/indicators";

    private OkHttpTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    private OkHttpTransport transport(OkHttpTransport.Builder builder) {
        transport = builder.retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(2)).build()).build();
        return transport;
    }

    private static TransportRequest indicators() {
        return TransportRequest.builder(HttpMethod.GET, "/v1/indicators").build();
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    @Test
    void aDeclaredOversizedResponseIsRefusedUnreadAndNotRetried() {
        SERVER.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(bytes(64 * 1024))));
        OkHttpTransport t = transport(OkHttpTransport.builder(SERVER.baseUrl() + "/api").maxResponseBytes(16 * 1024));

        TransportException e = catchThrowableOfType(TransportException.class,
                () -> t.execute(indicators(), RequestOptions.defaults()));

        assertThat(e.getCause()).isInstanceOf(ResponseTooLargeException.class);
        assertThat(((ResponseTooLargeException) e.getCause()).limit()).isEqualTo(16 * 1024);
        assertThat(e.getMessage()).contains("larger than 16384 bytes");
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(SERVER.findAll(getRequestedFor(urlEqualTo(PATH)))).hasSize(1);
    }

    @Test
    void anUndeclaredOversizedResponseIsCutAtTheLimit() {
        // chunked: no Content-Length, so the limit is found while reading
        SERVER.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(bytes(64 * 1024))
                .withHeader("Transfer-Encoding", "chunked")));
        OkHttpTransport t = transport(OkHttpTransport.builder(SERVER.baseUrl() + "/api").maxResponseBytes(16 * 1024));

        TransportException e = catchThrowableOfType(TransportException.class,
                () -> t.execute(indicators(), RequestOptions.defaults()));

        assertThat(e.getCause()).isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void aResponseAtTheLimitIsRead() {
        SERVER.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(bytes(16 * 1024))));
        OkHttpTransport t = transport(OkHttpTransport.builder(SERVER.baseUrl() + "/api").maxResponseBytes(16 * 1024));

        assertThat(t.execute(indicators(), RequestOptions.defaults()).body()).hasSize(16 * 1024);
    }

    @Test
    void defaultsCapResponsesAndBoundEveryAttempt() {
        OkHttpTransport t = transport(OkHttpTransport.builder(SERVER.baseUrl() + "/api"));
        assertThat(t.okHttpClient().callTimeoutMillis()).isEqualTo(OkHttpTransport.DEFAULT_CALL_TIMEOUT.toMillis())
                .isEqualTo(60_000);
        assertThat(OkHttpTransport.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(4L * 1024 * 1024);
        SERVER.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(bytes((int) OkHttpTransport.DEFAULT_MAX_RESPONSE_BYTES + 1))));
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> t.execute(indicators(), RequestOptions.defaults()));
        assertThat(e.getCause()).isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void aResponseDrippedByteByByteEndsAtTheCallTimeout() {
        // 2 KB over 60 s: each chunk arrives well within the read timeout, the whole never within the call timeout
        SERVER.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(bytes(2048))
                .withChunkedDribbleDelay(2048, 60_000)));
        OkHttpTransport t = OkHttpTransport.builder(SERVER.baseUrl() + "/api")
                .readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(2)).retryPolicy(RetryPolicy.none()).build();
        transport = t;

        TransportException e = catchThrowableOfType(TransportException.class,
                () -> t.execute(indicators(), RequestOptions.defaults()));

        assertThat(e.isTimeout()).isTrue();
    }
}
