package org.haochaping.transport;

import java.io.IOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.haochaping.InternalApi;

/**
 * The default {@link Transport}, on OkHttp. Calls only OkHttp APIs that 4.12 and 5.x both have, from
 * Java, so that an application pinned to either keeps working.
 *
 * <pre>{@code
 * Transport transport = OkHttpTransport.builder("https://hcp.example.gov.cn/api")
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.local", 3128)))
 *         .proxyCredentials("user", "secret")
 *         .build();
 * }</pre>
 *
 * <p>OkHttp's own silent retry on connection failure and its redirect following are switched off: the
 * transport owns retries (so every attempt is counted, logged and spaced by the policy), and a redirected
 * POST must not silently become a GET. One instance is thread-safe and meant to be shared; close it when
 * the application stops.
 */
public final class OkHttpTransport implements Transport {

    /** Time for one attempt unless set otherwise ({@link Builder#callTimeout}). */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** The largest response body read unless set otherwise ({@link Builder#maxResponseBytes}): 4 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

    private final OkHttpClient client;
    private final boolean ownsClient;
    private final String baseUrl;
    private final RetryingExecutor executor;
    private final SystemSleeper ownedSleeper;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long maxResponseBytes;
    private final Exchange exchange = new OkHttpExchange();

    private OkHttpTransport(Builder builder) {
        OkHttpClient.Builder http = builder.client == null ? new OkHttpClient.Builder() : builder.client.newBuilder();
        http.connectTimeout(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(builder.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        http.callTimeout(builder.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (builder.proxy != null) {
            http.proxy(builder.proxy);
        }
        if (builder.proxyCredential != null) {
            String credential = builder.proxyCredential;
            http.proxyAuthenticator((route, response) -> {
                if (response.request().header("Proxy-Authorization") != null) {
                    return null; // these credentials were refused already: do not loop
                }
                return response.request().newBuilder().header("Proxy-Authorization", credential).build();
            });
        }
        this.client = http.build();
        this.ownsClient = builder.client == null;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.baseUrl = builder.baseUrl;
        Sleeper sleeper = builder.sleeper;
        this.ownedSleeper = sleeper == null ? new SystemSleeper() : null;
        this.executor = new RetryingExecutor(exchange, builder.retryPolicy,
                sleeper == null ? ownedSleeper : sleeper, builder.errorBodyParser,
                new HeaderRedactor(builder.redactedHeaders), builder.clock);
    }

    /**
     * Starts a transport for one platform.
     *
     * @param baseUrl the {@code http} or {@code https} URL that request paths are appended to, e.g.
     *     {@code https://hcp.example.gov.cn/api}
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL or has a query or
     *     fragment
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    @Override
    public TransportResponse execute(TransportRequest request, RequestOptions options) {
        checkOpen();
        return executor.execute(Objects.requireNonNull(request, "request"), Objects.requireNonNull(options, "options"));
    }

    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request, RequestOptions options) {
        checkOpen();
        return executor.executeAsync(Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(options, "options"));
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the transport is closed");
        }
    }

    /**
     * Stops the retry scheduler and, when the transport created its OkHttp client, that client's threads
     * and pooled connections. A client passed to {@link Builder#okHttpClient} is left to its owner.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ownedSleeper != null) {
            ownedSleeper.close();
        }
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "OkHttpTransport{" + baseUrl + "}";
    }

    /** One attempt through OkHttp. */
    private final class OkHttpExchange implements Exchange {

        @Override
        public TransportResponse send(TransportRequest request, IdempotencyKey idempotencyKey, Duration timeout)
                throws IOException {
            Call call = newCall(request, idempotencyKey, timeout);
            try (Response response = call.execute()) {
                return toTransportResponse(response);
            }
        }

        @Override
        public CompletableFuture<TransportResponse> sendAsync(TransportRequest request,
                IdempotencyKey idempotencyKey, Duration timeout) {
            Call call = newCall(request, idempotencyKey, timeout);
            CompletableFuture<TransportResponse> future = new CompletableFuture<>();
            future.whenComplete((response, failure) -> {
                if (future.isCancelled()) {
                    call.cancel();
                }
            });
            call.enqueue(new Callback() {
                @Override
                public void onFailure(Call failed, IOException failure) {
                    future.completeExceptionally(failure);
                }

                @Override
                public void onResponse(Call done, Response response) {
                    try (Response closing = response) {
                        future.complete(toTransportResponse(closing));
                    } catch (IOException unreadable) {
                        future.completeExceptionally(unreadable);
                    } catch (RuntimeException unexpected) {
                        future.completeExceptionally(unexpected);
                    }
                }
            });
            return future;
        }

        private Call newCall(TransportRequest request, IdempotencyKey idempotencyKey, Duration timeout) {
            HttpUrl url = HttpUrl.parse(baseUrl + request.path());
            if (url == null) {
                throw new IllegalArgumentException("path: '" + request.pathForLogs() + "' does not form a valid URL "
                        + "with the base URL");
            }
            Request.Builder http = new Request.Builder().url(url).header(HeaderRules.USER_AGENT, UserAgent.VALUE);
            for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                for (String value : header.getValue()) {
                    http.addHeader(header.getKey(), value);
                }
            }
            if (idempotencyKey != null) {
                http.header(HeaderRules.IDEMPOTENCY_KEY, idempotencyKey.value());
            }
            byte[] bytes = request.bodyForAttempt();
            RequestBody body = null;
            if (request.contentType() != null) {
                MediaType mediaType = MediaType.parse(request.contentType());
                if (mediaType == null) {
                    throw new IllegalArgumentException("contentType: '" + request.contentType()
                            + "' has parameters OkHttp cannot parse");
                }
                body = RequestBody.create(bytes, mediaType);
            } else if (request.method().requiresBody()) {
                body = RequestBody.create(new byte[0], null);
            }
            http.method(request.method().name(), body);
            for (Map.Entry<String, String> header : request.attemptHeadersFor(url.encodedPath(), url.encodedQuery(),
                    bytes).entrySet()) {
                http.header(header.getKey(), header.getValue());
            }
            Call call = client.newCall(http.build());
            if (timeout != null) {
                call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return call;
        }

        private TransportResponse toTransportResponse(Response response) throws IOException {
            byte[] bytes = readCapped(response.body());
            Headers headers = response.headers();
            Map<String, List<String>> map = HeaderRules.newMutableMap();
            for (int i = 0, size = headers.size(); i < size; i++) {
                List<String> values = map.get(headers.name(i));
                if (values == null) {
                    values = new ArrayList<>(1);
                    map.put(headers.name(i), values);
                }
                values.add(headers.value(i));
            }
            for (Map.Entry<String, List<String>> entry : map.entrySet()) {
                entry.setValue(Collections.unmodifiableList(entry.getValue()));
            }
            return new TransportResponse(response.code(), Collections.unmodifiableMap(map), bytes, true);
        }
    }

    /**
     * Reads a body of at most {@link #maxResponseBytes}: a declared length over the limit is refused before reading,
     * an undeclared one after limit + 1 bytes, so no more than that is ever buffered.
     */
    private byte[] readCapped(ResponseBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        long declared = body.contentLength();
        if (declared > maxResponseBytes) {
            throw new ResponseTooLargeException(maxResponseBytes, declared);
        }
        BufferedSource source = body.source();
        if (source.request(maxResponseBytes + 1)) {
            throw new ResponseTooLargeException(maxResponseBytes, -1);
        }
        return source.readByteArray();
    }

    /**
     * One attempt through this transport's OkHttp client, without retries: the SDK's own {@link Exchange}, with this
     * transport's base URL, timeouts, proxy and body limit. It lives as long as this transport.
     */
    public Exchange exchange() {
        return exchange;
    }

    /** The OkHttp client as configured, for tests of the settings. */
    OkHttpClient okHttpClient() {
        return client;
    }

    /** Builds an {@link OkHttpTransport}. Not thread-safe. */
    public static final class Builder {
        private final String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Proxy proxy;
        private String proxyCredential;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper;
        private ErrorBodyParser errorBodyParser = ErrorBodyParser.NONE;
        private final Set<String> redactedHeaders = new HashSet<>();
        private OkHttpClient client;
        private Clock clock = Clock.systemUTC();

        private Builder(String baseUrl) {
            this.baseUrl = checkBaseUrl(baseUrl);
        }

        private static String checkBaseUrl(String baseUrl) {
            HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl);
            if (parsed == null) {
                throw new IllegalArgumentException("baseUrl: not an absolute http or https URL");
            }
            if (parsed.query() != null || parsed.fragment() != null) {
                throw new IllegalArgumentException("baseUrl: must not have a query or fragment");
            }
            String text = parsed.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        }

        /** Time to establish a connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Durations.requirePositive("connectTimeout", timeout);
            return this;
        }

        /** Longest silence while reading a response; default 30 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Durations.requirePositive("readTimeout", timeout);
            return this;
        }

        /** Longest stall while writing a request; default 30 s. */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Durations.requirePositive("writeTimeout", timeout);
            return this;
        }

        /**
         * Time for one whole attempt (connect, write, wait, read); default {@link #DEFAULT_CALL_TIMEOUT}. The read
         * timeout alone restarts with every byte, so a server that sends one byte every few seconds would hold the
         * call for as long as it likes without this bound. A per-request {@link RequestOptions#timeout()} replaces
         * it for that request.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Durations.requirePositive("callTimeout", timeout);
            return this;
        }

        /**
         * The largest response body read, in bytes; default {@link #DEFAULT_MAX_RESPONSE_BYTES} (4 MiB, 40 times
         * the answer to a full batch of 100 records). A larger one ends the call with a {@link TransportException}
         * caused by {@link ResponseTooLargeException}, and is not retried.
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxResponseBytes: 1 to " + (Integer.MAX_VALUE - 8) + " bytes");
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Sends every request through this proxy (HTTP or SOCKS). */
        public Builder proxy(Proxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Answers the proxy's authentication challenge (HTTP 407) with Basic credentials. The password is
         * never logged nor shown by {@code toString()}.
         */
        public Builder proxyCredentials(String username, String password) {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.indexOf(':') >= 0) {
                throw new IllegalArgumentException("proxy username: must not contain ':' (Basic authentication)");
            }
            this.proxyCredential = Credentials.basic(username, password);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Replaces the real waiting between attempts, e.g. by one that records delays in tests. */
        @InternalApi
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Reads the platform's error code and message from non-2xx bodies; default finds none. */
        public Builder errorBodyParser(ErrorBodyParser errorBodyParser) {
            this.errorBodyParser = Objects.requireNonNull(errorBodyParser, "errorBodyParser");
            return this;
        }

        /**
         * Also redacts this header's values in logs. Authorization, cookies and any header whose name
         * contains sign, token, secret, password, credential, api-key, session or cert are redacted
         * already.
         */
        public Builder redactHeader(String name) {
            HeaderRules.checkName(name);
            redactedHeaders.add(name);
            return this;
        }

        /**
         * Starts from an application's OkHttp client (sharing its connection pool and threads, keeping its
         * TLS and interceptor settings); the transport's timeouts, proxy and retry settings override that
         * client's. Closing the transport leaves this client alone.
         */
        public Builder okHttpClient(OkHttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The clock that {@code Retry-After} dates are measured against; tests fix it. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public OkHttpTransport build() {
            return new OkHttpTransport(this);
        }
    }
}
