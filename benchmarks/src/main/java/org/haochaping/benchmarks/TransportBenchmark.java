package org.haochaping.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private HttpServer server;
    private ExecutorService serverThreads;
    private OkHttpClient raw;
    private OkHttpTransport transport;
    private String url;
    private byte[] body;
    private MediaType json;
    private TransportRequest request;

    @Setup
    public void setUp() throws IOException {
        // Without TCP_NODELAY the JDK server's response waits out the client's delayed ACK (about 40 ms),
        // and both sides would measure that instead of HTTP handling.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        serverThreads = Executors.newFixedThreadPool(2);
        server.setExecutor(serverThreads);
        server.createContext("/api/v1/evaluations", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[4096];
                while (in.read(buffer) > 0) {
                    // drain the request body
                }
            }
            exchange.getResponseHeaders().add("Content-Type", JSON);
            exchange.sendResponseHeaders(200, RESPONSE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(RESPONSE);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
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
        server.stop(0);
        serverThreads.shutdownNow();
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
