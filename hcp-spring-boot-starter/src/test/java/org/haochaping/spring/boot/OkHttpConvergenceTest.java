package org.haochaping.spring.boot;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttp;
import org.haochaping.transport.HttpMethod;
import org.haochaping.transport.OkHttpTransport;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.TransportRequest;
import org.haochaping.transport.TransportResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, point 6: an application on Spring Boot gets one OkHttp, the line Spring Boot manages (4.12), not a second
 * copy of the okhttp3 package from okhttp-jvm 5 beside it; and the SDK's transport runs on it (a POST with its
 * Idempotency-Key, retried after a 503). sdk-core's own tests run on OkHttp 5, and on 4.12 with -Pokhttp4.
 */
class OkHttpConvergenceTest {

    @Test
    void oneOkHttpOnTheClassPathAndTheTransportWorksOnIt() throws Exception {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
        assertThat(copies).as("jars holding okhttp3.OkHttpClient").hasSize(1);
        assertThat(copies.get(0).toString()).contains("/okhttp-4.12");
        assertThat(OkHttp.VERSION).startsWith("4.12");

        AtomicInteger calls = new AtomicInteger();
        List<String> keys = Collections.synchronizedList(new java.util.ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/evaluations", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"code\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (OkHttpTransport transport = OkHttpTransport.builder("http://127.0.0.1:" + server.getAddress().getPort()
                + "/api").retryPolicy(RetryPolicy.builder().maxRetries(2)
                .initialBackoff(java.time.Duration.ofMillis(5)).maxBackoff(java.time.Duration.ofMillis(20)).build())
                .build()) {
            TransportResponse response = transport.execute(TransportRequest.builder(HttpMethod.POST, "/v1/evaluations")
                    .body("{}".getBytes(StandardCharsets.UTF_8), "application/json").build(), RequestOptions.defaults());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("OK");
        } finally {
            server.stop(0);
        }
        assertThat(calls).hasValue(2);
        assertThat(keys).hasSize(2).doesNotContainNull();
        assertThat(keys.get(0)).as("the retry carries the same Idempotency-Key").isEqualTo(keys.get(1));
    }
}
