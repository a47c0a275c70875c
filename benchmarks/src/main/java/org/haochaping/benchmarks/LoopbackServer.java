package org.haochaping.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK {@link HttpServer} on loopback that the HTTP benchmarks post to, so that the SDK and its raw baseline
 * reach the same server in the same run. Two handler threads; TCP_NODELAY on.
 */
final class LoopbackServer implements AutoCloseable {

    /**
     * Builds the 200 answer to one request ({@code requestNonce}: its X-Hcp-Nonce, or null). Called on the server's
     * threads: must be thread-safe.
     */
    interface Responder {
        Reply reply(String method, URI uri, String requestNonce, byte[] requestBody);
    }

    /** A 200 response: its headers and JSON body. */
    static final class Reply {
        final Map<String, String> headers;
        final byte[] body;

        Reply(Map<String, String> headers, byte[] body) {
            this.headers = headers;
            this.body = body;
        }
    }

    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts a server answering every request under {@code contextPath} (e.g. {@code /api}) with the responder. */
    static LoopbackServer start(String contextPath, Responder responder) throws IOException {
        // Without TCP_NODELAY the JDK server's response waits out the client's delayed ACK (about 40 ms),
        // and both sides would measure that instead of HTTP handling.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        server.setExecutor(threads);
        server.createContext(contextPath, exchange -> {
            try {
                byte[] request;
                try (InputStream in = exchange.getRequestBody()) {
                    request = readAll(in);
                }
                Reply reply = responder.reply(exchange.getRequestMethod(), exchange.getRequestURI(),
                        exchange.getRequestHeaders().getFirst("X-Hcp-Nonce"), request);
                exchange.getResponseHeaders().add("Content-Type", JSON);
                for (Map.Entry<String, String> h : reply.headers.entrySet()) {
                    exchange.getResponseHeaders().add(h.getKey(), h.getValue());
                }
                exchange.sendResponseHeaders(200, reply.body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body);
                }
            } catch (RuntimeException e) {
                // A broken responder must fail the run loudly, not hang the client until its read timeout.
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                throw e;
            }
        });
        server.start();
        return new LoopbackServer(server, threads);
    }

    /** {@code http://127.0.0.1:port} followed by {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
