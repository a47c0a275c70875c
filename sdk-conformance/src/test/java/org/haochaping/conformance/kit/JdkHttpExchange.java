package org.haochaping.conformance.kit;

import org.haochaping.transport.Exchange;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.ResponseTooLargeException;
import org.haochaping.transport.TransportRequest;
import org.haochaping.transport.TransportResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An {@link Exchange} on the JDK's {@code java.net.http.HttpClient}, written against the SPI alone: the second,
 * independent implementation that shows an adapter to another HTTP library needs nothing of the SDK's internals.
 * What the JDK client does differently from the contract is translated here: its {@link HttpTimeoutException} is a
 * plain {@link IOException}, the contract's timeout an {@link InterruptedIOException}; it has no body limit of its
 * own; it follows no redirect only when told.
 */
final class JdkHttpExchange implements Exchange {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String baseUrl;
    private final long maxResponseBytes;

    JdkHttpExchange(String baseUrl, long maxResponseBytes) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public TransportResponse send(TransportRequest request, IdempotencyKey idempotencyKey, Duration timeout)
            throws IOException {
        try {
            return read(http.send(newRequest(request, idempotencyKey, timeout),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (HttpTimeoutException timedOut) {
            throw timeout(timedOut);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the response");
        }
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request, IdempotencyKey idempotencyKey,
            Duration timeout) {
        HttpRequest built = newRequest(request, idempotencyKey, timeout);
        CompletableFuture<TransportResponse> out = new CompletableFuture<>();
        http.sendAsync(built, HttpResponse.BodyHandlers.ofInputStream()).whenCompleteAsync((response, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof HttpTimeoutException) {
                out.completeExceptionally(timeout((HttpTimeoutException) cause));
            } else if (cause != null) {
                out.completeExceptionally(cause);
            } else {
                try {
                    out.complete(read(response));
                } catch (IOException | UncheckedIOException unreadable) {
                    out.completeExceptionally(unreadable instanceof UncheckedIOException
                            ? unreadable.getCause() : unreadable);
                }
            }
        });
        return out;
    }

    private HttpRequest newRequest(TransportRequest request, IdempotencyKey idempotencyKey, Duration timeout) {
        URI uri = URI.create(baseUrl + request.path());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout != null ? timeout : CALL_TIMEOUT)
                .header(USER_AGENT_HEADER, USER_AGENT);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                b.header(header.getKey(), value);
            }
        }
        if (idempotencyKey != null) {
            b.header(IDEMPOTENCY_KEY_HEADER, idempotencyKey.value());
        }
        byte[] body = request.bodyForAttempt();
        if (request.contentType() != null) {
            b.header("Content-Type", request.contentType());
            b.method(request.method().name(), HttpRequest.BodyPublishers.ofByteArray(body));
        } else if (request.method().requiresBody()) {
            b.method(request.method().name(), HttpRequest.BodyPublishers.ofByteArray(new byte[0]));
        } else {
            b.method(request.method().name(), HttpRequest.BodyPublishers.noBody());
        }
        request.attemptHeadersFor(uri.getRawPath(), uri.getRawQuery(), body).forEach(b::setHeader);
        return b.build();
    }

    private TransportResponse read(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxResponseBytes) {
                throw new ResponseTooLargeException(maxResponseBytes, declared);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
            if (body.length > maxResponseBytes) {
                throw new ResponseTooLargeException(maxResponseBytes, -1);
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    headers.put(name, values);
                }
            });
            return new TransportResponse(response.statusCode(), headers, body);
        }
    }

    private static SocketTimeoutException timeout(HttpTimeoutException timedOut) {
        SocketTimeoutException e = new SocketTimeoutException(timedOut.getMessage());
        e.initCause(timedOut);
        return e;
    }

}
