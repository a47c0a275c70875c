package org.haochaping.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.haochaping.transport.HttpMethod;
import org.haochaping.transport.OkHttpTransport;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.TransportRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The SDK transport posting a 1 KiB body (with its idempotency key, User-Agent, retry bookkeeping and
 * debug-guarded logging) against raw OkHttp posting the same bytes to the same loopback server: what the
 * transport's safety costs per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransportBenchmark {

    private static final String JSON = "application/json; charset=utf-8";
    private static final byte[] RESPONSE = "{\"success\":true,\"code\":\"0\"}".getBytes(StandardCharsets.UTF_8);

    private LoopbackServer server;
    private OkHttpClient raw;
    private OkHttpTransport transport;
    private String url;
    private byte[] body;
    private MediaType json;
    private TransportRequest request;

    @Setup
    public void setUp() throws IOException {
        server = LoopbackServer.start("/api/v1/evaluations",
                (method, uri, requestNonce, requestBody) -> new LoopbackServer.Reply(Collections.emptyMap(), RESPONSE));
        String base = server.url("/api");
        url = base + "/v1/evaluations";
        body = new byte[1024];
        Arrays.fill(body, (byte) 'a');
        json = MediaType.parse(JSON);
        raw = new OkHttpClient();
        transport = OkHttpTransport.builder(base).build();
        request = TransportRequest.builder(HttpMethod.POST, "/v1/evaluations").body(body, JSON).build();
    }

    @TearDown
    public void tearDown() {
        transport.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        server.close();
    }

    @Benchmark
    public int rawOkHttp() throws IOException {
        Request post = new Request.Builder().url(url).post(RequestBody.create(body, json)).build();
        try (Response response = raw.newCall(post).execute()) {
            return response.code() + response.body().bytes().length;
        }
    }

    @Benchmark
    public int sdkTransport() {
        return transport.execute(request, RequestOptions.defaults()).statusCode();
    }
}
