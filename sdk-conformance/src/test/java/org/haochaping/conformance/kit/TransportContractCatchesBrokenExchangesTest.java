package org.haochaping.conformance.kit;

import org.haochaping.transport.Exchange;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.TransportRequest;
import org.haochaping.transport.TransportResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The transport contract fails exchanges with the defects an adapter to another HTTP library typically has, each in
 * the test that names the rule: the JDK client's own timeout type, unchecked failures, no body limit, headers reduced
 * to their first value, a body and signature made once instead of per attempt.
 */
class TransportContractCatchesBrokenExchangesTest {

    /** The JDK exchange with one defect added around it. */
    private static TransportContract broken(UnaryOperator<Exchange> defect) {
        return (baseUrl, limit) -> defect.apply(new JdkHttpExchange(baseUrl, limit));
    }

    private static String failure(Executable test) {
        Throwable t = catchThrowable(test::execute);
        assertThat(t).as("the contract fails the broken exchange").isInstanceOf(AssertionError.class);
        return t.getMessage();
    }

    /** An exchange that passes calls on, failures mapped by {@code failures}, responses by {@code responses}. */
    private static Exchange around(Exchange real, UnaryOperator<IOException> failures,
            UnaryOperator<TransportResponse> responses, UnaryOperator<TransportRequest> requests) {
        return new Exchange() {
            @Override
            public TransportResponse send(TransportRequest request, IdempotencyKey key, Duration timeout)
                    throws IOException {
                try {
                    return responses.apply(real.send(requests.apply(request), key, timeout));
                } catch (IOException e) {
                    IOException mapped = failures.apply(e);
                    if (mapped == null) {
                        throw new UncheckedIOException(e);
                    }
                    throw mapped;
                }
            }

            @Override
            public CompletableFuture<TransportResponse> sendAsync(TransportRequest request, IdempotencyKey key,
                    Duration timeout) {
                return real.sendAsync(requests.apply(request), key, timeout).thenApply(responses);
            }
        };
    }

    @Test
    void aTimeoutReportedAsAPlainIOExceptionFails() {
        TransportContract plainTimeouts = broken(real -> around(real,
                e -> e instanceof InterruptedIOException ? new IOException("timed out: " + e.getMessage()) : e,
                UnaryOperator.identity(), UnaryOperator.identity()));
        assertThat(failure(plainTimeouts::aTimeoutIsAnInterruptedIOException))
                .contains("a timeout is an InterruptedIOException");
        assertThat(failure(plainTimeouts::theSdksRetryExecutorRunsOnTheExchange))
                .contains("a timed-out attempt ends in a TransportException that says so");
    }

    @Test
    void failuresThrownUncheckedFail() {
        TransportContract unchecked = broken(real -> around(real, e -> null, UnaryOperator.identity(),
                UnaryOperator.identity()));
        assertThat(failure(unchecked::aBrokenConnectionIsAnIOException)).contains("instead of an IOException");
    }

    @Test
    void anExchangeWithoutABodyLimitFails() {
        TransportContract unlimited = (baseUrl, limit) -> new JdkHttpExchange(baseUrl, Integer.MAX_VALUE - 16);
        assertThat(failure(unlimited::theBodyIsReadWholeUpToTheLimitAndNoFurther)).contains("over the limit");
    }

    @Test
    void responseHeadersReducedToTheirFirstValueFail() {
        TransportContract firstValues = broken(real -> around(real, e -> e, r -> {
            Map<String, List<String>> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            r.headers().forEach((name, values) -> first.put(name, values.subList(0, 1)));
            return new TransportResponse(r.statusCode(), first, r.body());
        }, UnaryOperator.identity()));
        assertThat(failure(firstValues::responseHeadersKeepEveryValueUnderCaseInsensitiveNames))
                .contains("every value");
    }

    @Test
    void aBodyAndSignatureMadeOnceInsteadOfPerAttemptFail() {
        TransportContract madeOnce = broken(real -> around(real, e -> e, UnaryOperator.identity(), request -> {
            TransportRequest.Builder b = TransportRequest.builder(request.method(), request.path());
            request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
            if (request.contentType() != null) {
                b.body(request.body(), request.contentType()); // the stored body, not the attempt's
            }
            return b.build();
        }));
        assertThat(failure(madeOnce::theAttemptBodyAndHeadersAreMadePerAttemptOverWhatIsSent))
                .contains("the attempt body is made once per attempt");
    }

    @Test
    void theSdksOwnExchangesPassTheTestsTheBrokenOnesFail() throws Exception {
        new SdkOkHttpTransportContractTest().responseHeadersKeepEveryValueUnderCaseInsensitiveNames();
        new JdkHttpExchangeContractTest().aBrokenConnectionIsAnIOException();
    }
}
