package org.haochaping.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.haochaping.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OkHttpTransportTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PATH = "/api/v1/evaluations";
    private static final byte[] BODY = "{\"grade\":\"SATISFIED\"}".getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "application/json; charset=utf-8";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<OkHttpTransport> transports = new ArrayList<>();

    @AfterEach
    void closeTransports() {
        transports.forEach(OkHttpTransport::close);
    }

    private OkHttpTransport.Builder builder() {
        return OkHttpTransport.builder(SERVER.baseUrl() + "/api")
                .retryPolicy(RetryPolicy.builder()
                        .maxRetries(3)
                        .initialBackoff(Duration.ofMillis(100))
                        .maxBackoff(Duration.ofSeconds(1))
                        .jitter(0)
                        .build())
                .sleeper(sleeper);
    }

    private OkHttpTransport transport(OkHttpTransport.Builder builder) {
        OkHttpTransport transport = builder.build();
        transports.add(transport);
        return transport;
    }

    private OkHttpTransport transport() {
        return transport(builder());
    }

    private static TransportRequest evaluationPost() {
        return TransportRequest.builder(HttpMethod.POST, "/v1/evaluations").body(BODY, JSON).build();
    }

    private static List<LoggedRequest> posts() {
        return SERVER.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    private static Set<String> distinctKeys(List<LoggedRequest> requests) {
        return requests.stream().map(request -> request.getHeader("Idempotency-Key")).collect(Collectors.toSet());
    }

    private void stubFirstThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        SERVER.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        SERVER.stubFor(post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withBody("{\"ok\":true}")));
    }

    @Test
    void postsBodyWithUserAgentContentTypeAndGeneratedIdempotencyKey() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("X-Request-Id", "r-1").withBody("{\"ok\":true}")));

        TransportResponse response = transport().execute(
                TransportRequest.builder(HttpMethod.POST, "/v1/evaluations")
                        .header("X-Hcp-Key-Id", "k1")
                        .body(BODY, JSON).build(),
                RequestOptions.defaults());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(response.header("x-request-id")).contains("r-1");
        assertThatThrownBy(() -> response.headers().get("X-Request-Id").add("changed"))
                .isInstanceOf(UnsupportedOperationException.class);
        LoggedRequest request = posts().get(0);
        assertThat(request.getBody()).isEqualTo(BODY);
        // Jetty upper-cases the charset when it reports the header; OkHttp sends it as given.
        assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase(JSON);
        assertThat(request.getHeader("X-Hcp-Key-Id")).isEqualTo("k1");
        assertThat(request.getHeader("Idempotency-Key")).matches("[0-9a-f-]{36}");
        assertThat(request.getHeader("User-Agent")).startsWith("hcp-sdk-java/" + UserAgent.SDK_VERSION + " (Java ");
        assertThat(UserAgent.SDK_VERSION).as("version filtered into the resource by Maven")
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void readsCarryNoIdempotencyKeyAndKeepTheirQuery() {
        SERVER.stubFor(get(urlEqualTo("/api/v1/indicators?channel=4")).willReturn(aResponse().withStatus(200)));

        transport().execute(TransportRequest.builder(HttpMethod.GET, "/v1/indicators?channel=4").build(),
                RequestOptions.defaults());

        SERVER.verify(1, getRequestedFor(urlEqualTo("/api/v1/indicators?channel=4"))
                .withHeader("Idempotency-Key", absent()));
    }

    @Test
    void retriesA503AndTheServerCountsOneKey() {
        stubFirstThenOk(aResponse().withStatus(503));

        TransportResponse response = transport().execute(evaluationPost(), RequestOptions.defaults());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(posts()).hasSize(2);
        assertThat(distinctKeys(posts())).hasSize(1);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void retriesAConnectionResetWithTheSameKey() {
        stubFirstThenOk(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        TransportResponse response = transport().execute(evaluationPost(),
                RequestOptions.builder().idempotencyKey(IdempotencyKey.of("outbox-42")).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(posts()).hasSize(2);
        assertThat(distinctKeys(posts())).containsExactly("outbox-42");
    }

    @Test
    void retriesAnEmptyResponse() {
        stubFirstThenOk(aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertThat(transport().execute(evaluationPost(), RequestOptions.defaults()).statusCode()).isEqualTo(201);
        assertThat(distinctKeys(posts())).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
    void neverRetriesOtherClientErrors(int status) {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)));

        ServiceException error = catchThrowableOfType(ServiceException.class,
                () -> transport().execute(evaluationPost(), RequestOptions.defaults()));

        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.attempts()).isEqualTo(1);
        assertThat(error.isRetryable()).isFalse();
        assertThat(posts()).hasSize(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void givesUpAfterMaxRetriesWithExponentialCappedBackoff() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        OkHttpTransport transport = transport(builder().retryPolicy(RetryPolicy.builder().maxRetries(4)
                .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(250)).jitter(0).build()));

        ServiceException error = catchThrowableOfType(ServiceException.class,
                () -> transport.execute(evaluationPost(), RequestOptions.defaults()));

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.attempts()).isEqualTo(5);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.idempotencyKey()).isPresent();
        assertThat(posts()).hasSize(5);
        assertThat(distinctKeys(posts())).containsExactly(error.idempotencyKey().get().value());
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void perRequestMaxRetriesOverridesThePolicy() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        ServiceException error = catchThrowableOfType(ServiceException.class,
                () -> transport().execute(evaluationPost(), RequestOptions.builder().maxRetries(0).build()));

        assertThat(error.attempts()).isEqualTo(1);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void honoursRetryAfterInSeconds() {
        stubFirstThenOk(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        transport().execute(evaluationPost(), RequestOptions.defaults());

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
        assertThat(distinctKeys(posts())).hasSize(1);
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        String inTwelveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.ofInstant(now.plusSeconds(12), ZoneOffset.UTC));
        stubFirstThenOk(aResponse().withStatus(503).withHeader("Retry-After", inTwelveSeconds));

        transport(builder().clock(Clock.fixed(now, ZoneOffset.UTC))).execute(evaluationPost(), RequestOptions.defaults());

        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void aRetryAfterBeyondTheCapEndsRetriesAndIsReported() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

        ServiceException error = catchThrowableOfType(ServiceException.class,
                () -> transport().execute(evaluationPost(), RequestOptions.defaults()));

        assertThat(error.attempts()).isEqualTo(1);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(error.getMessage()).contains("Retry-After 120 s");
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void perRequestTimeoutEndsEachAttemptAndIsRetried() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        TransportException error = catchThrowableOfType(TransportException.class,
                () -> transport().execute(evaluationPost(), RequestOptions.builder()
                        .timeout(Duration.ofMillis(200)).maxRetries(1).build()));

        assertThat(error.isTimeout()).isTrue();
        assertThat(error.attempts()).isEqualTo(2);
        assertThat(error.getMessage()).startsWith("POST /v1/evaluations failed after 2 attempts");
        assertThat(posts()).hasSize(2);
        assertThat(distinctKeys(posts())).hasSize(1);
    }

    @Test
    void clientCallTimeoutAppliesWithoutPerRequestTimeout() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        OkHttpTransport transport = transport(builder().callTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none()));

        TransportException error = catchThrowableOfType(TransportException.class,
                () -> transport.execute(evaluationPost(), RequestOptions.defaults()));

        assertThat(error.isTimeout()).isTrue();
        assertThat(error.attempts()).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsATransportFailureAfterRetries() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OkHttpTransport transport = transport(OkHttpTransport.builder("http://127.0.0.1:" + closedPort)
                .retryPolicy(RetryPolicy.builder().maxRetries(2).jitter(0).build()).sleeper(sleeper));

        TransportException error = catchThrowableOfType(TransportException.class,
                () -> transport.execute(evaluationPost(), RequestOptions.defaults()));

        assertThat(error.attempts()).isEqualTo(3);
        assertThat(error.isTimeout()).isFalse();
        assertThat(error.getCause()).isInstanceOf(java.net.ConnectException.class);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void serviceErrorCarriesThePlatformCodeButNotItsMessage() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(422)
                .withBody("{\"code\":\"E1001\",\"message\":\"userCert 120101199001011234 invalid\"}")));
        Pattern field = Pattern.compile("\"(code|message)\":\"([^\"]*)\"");
        OkHttpTransport transport = transport(builder().errorBodyParser(response -> {
            Matcher matcher = field.matcher(new String(response.body(), StandardCharsets.UTF_8));
            String code = null;
            String message = null;
            while (matcher.find()) {
                if (matcher.group(1).equals("code")) {
                    code = matcher.group(2);
                } else {
                    message = matcher.group(2);
                }
            }
            return code == null ? Optional.empty() : Optional.of(new PlatformError(code, message));
        }));

        ServiceException error = catchThrowableOfType(ServiceException.class,
                () -> transport.execute(evaluationPost(), RequestOptions.defaults()));

        assertThat(error.platformCode()).contains("E1001");
        assertThat(error.platformMessage()).contains("userCert 120101199001011234 invalid");
        assertThat(error.getMessage()).isEqualTo("POST /v1/evaluations: HTTP 422 after 1 attempt, platform code E1001");
        assertThat(error.toString()).doesNotContain("120101199001011234");
        assertThat(error.response().statusCode()).isEqualTo(422);
    }

    @Test
    void aFailingErrorParserLeavesNoPlatformCode() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("<html>")));
        OkHttpTransport transport = transport(builder().errorBodyParser(response -> {
            throw new IllegalStateException("not JSON");
        }));

        ServiceException error = catchThrowableOfType(ServiceException.class,
                () -> transport.execute(evaluationPost(), RequestOptions.defaults()));

        assertThat(error.platformCode()).isEmpty();
        assertThat(error.statusCode()).isEqualTo(400);
    }

    @Test
    void asyncRetriesThenSucceedsWithOneKey() throws Exception {
        stubFirstThenOk(aResponse().withStatus(502));

        CompletableFuture<TransportResponse> future = transport().executeAsync(evaluationPost(), RequestOptions.defaults());

        assertThat(future.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(posts()).hasSize(2);
        assertThat(distinctKeys(posts())).hasSize(1);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void asyncFailsWithTypedErrors() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));

        CompletableFuture<TransportResponse> future = transport().executeAsync(evaluationPost(), RequestOptions.defaults());

        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ServiceException.class)
                .hasMessage("POST /v1/evaluations: HTTP 404 after 1 attempt");
    }

    @Test
    void asyncTimeoutIsATransportFailure() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        CompletableFuture<TransportResponse> future = transport().executeAsync(evaluationPost(),
                RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build());

        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(TransportException.class, error -> {
                    assertThat(error.isTimeout()).isTrue();
                    assertThat(error.attempts()).isEqualTo(1);
                });
    }

    @Test
    void cancellingAnAsyncCallStopsFurtherAttempts() throws Exception {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withFixedDelay(500)));

        CompletableFuture<TransportResponse> future = transport().executeAsync(evaluationPost(), RequestOptions.defaults());
        Thread.sleep(100);
        future.cancel(true);
        Thread.sleep(800);

        assertThat(future).isCancelled();
        assertThat(posts()).hasSize(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void manyThreadsShareOneTransport() throws Exception {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
        OkHttpTransport transport = transport();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean async = i % 2 == 0;
                results.add(threads.submit(() -> async
                        ? transport.executeAsync(evaluationPost(), RequestOptions.defaults()).get(10, TimeUnit.SECONDS).statusCode()
                        : transport.execute(evaluationPost(), RequestOptions.defaults()).statusCode()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(posts()).hasSize(200);
        assertThat(distinctKeys(posts())).hasSize(200);
    }

    @Test
    void logsNeitherSecretHeadersNorBodies() {
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("then-reject"));
        SERVER.stubFor(post(urlPathEqualTo(PATH)).inScenario("s").whenScenarioStateIs("then-reject")
                .willReturn(aResponse().withStatus(400).withHeader("Set-Cookie", "sid=COOKIE-SECRET-6")
                        .withBody("{\"message\":\"ECHO-SECRET-5\"}")));
        OkHttpTransport transport = transport(builder().redactHeader("X-Device-Serial"));
        TransportRequest request = TransportRequest.builder(HttpMethod.POST, "/v1/evaluations?mobile=QUERY-SECRET-7")
                .header("Authorization", "Bearer TOKEN-SECRET-1")
                .header("X-Hcp-Signature", "SIGNATURE-SECRET-2")
                .header("X-Device-Serial", "SERIAL-SECRET-3")
                .header("X-Hcp-Key-Id", "key-7")
                .body("{\"userCert\":\"BODY-SECRET-4\"}".getBytes(StandardCharsets.UTF_8), JSON)
                .build();
        LogCapture.clear();

        ServiceException error = catchThrowableOfType(ServiceException.class, () -> transport.execute(request,
                RequestOptions.builder().idempotencyKey(IdempotencyKey.of("key-for-logs")).build()));

        List<String> logged = new ArrayList<>(LogCapture.lines());
        assertThat(logged).as("the attempts were logged").anySatisfy(line -> assertThat(line)
                .contains("--> POST /v1/evaluations?… attempt 1/4")
                .contains("Authorization=<redacted>")
                .contains("X-Hcp-Signature=<redacted>")
                .contains("X-Device-Serial=<redacted>")
                .contains("X-Hcp-Key-Id=key-7")
                .contains("Idempotency-Key=key-for-logs"));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("got HTTP 503; retrying in 100 ms"));
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("<-- 400 POST /v1/evaluations?… attempt 2/4"));
        assertThat(error.statusCode()).isEqualTo(400);
        logged.add(error.toString());
        logged.add(String.valueOf(error.response()));
        logged.add(request.toString());
        for (String secret : new String[] {"TOKEN-SECRET-1", "SIGNATURE-SECRET-2", "SERIAL-SECRET-3",
                "BODY-SECRET-4", "ECHO-SECRET-5", "COOKIE-SECRET-6", "QUERY-SECRET-7"}) {
            assertThat(logged).noneSatisfy(line -> assertThat(line).contains(secret));
        }
    }

    @Test
    void authenticatesToAProxyWithoutLoggingTheCredentials() {
        // The WireMock server plays the proxy: the target host does not exist, so only the proxy can answer.
        String credential = "Basic " + Base64.getEncoder()
                .encodeToString("terminal-7:PROXY-PASSWORD-8".getBytes(StandardCharsets.UTF_8));
        SERVER.stubFor(post(urlEqualTo(PATH)).atPriority(1).withHeader("Proxy-Authorization", equalTo(credential))
                .willReturn(aResponse().withStatus(200)));
        SERVER.stubFor(post(urlEqualTo(PATH)).atPriority(2).willReturn(aResponse().withStatus(407)
                .withHeader("Proxy-Authenticate", "Basic realm=\"hall\"")));
        OkHttpTransport transport = transport(OkHttpTransport.builder("http://hcp-platform.invalid/api")
                .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", SERVER.getPort())))
                .proxyCredentials("terminal-7", "PROXY-PASSWORD-8")
                .sleeper(sleeper));
        LogCapture.clear();

        assertThat(transport.execute(evaluationPost(), RequestOptions.defaults()).statusCode()).isEqualTo(200);

        assertThat(posts()).hasSize(2);
        assertThat(posts().get(1).getHeader("Proxy-Authorization")).isEqualTo(credential);
        assertThat(distinctKeys(posts())).hasSize(1);
        assertThat(LogCapture.lines()).noneSatisfy(line -> assertThat(line)
                .containsAnyOf("PROXY-PASSWORD-8", credential.substring(6)));
        assertThat(transport.toString()).doesNotContain("PROXY-PASSWORD-8");
    }

    @Test
    void aRefusedProxyPasswordEndsInA407WithoutLooping() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(407)
                .withHeader("Proxy-Authenticate", "Basic realm=\"hall\"")));
        OkHttpTransport transport = transport(OkHttpTransport.builder("http://hcp-platform.invalid/api")
                .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", SERVER.getPort())))
                .proxyCredentials("terminal-7", "wrong")
                .sleeper(sleeper));

        ServiceException error = catchThrowableOfType(ServiceException.class,
                () -> transport.execute(evaluationPost(), RequestOptions.defaults()));

        assertThat(error.statusCode()).isEqualTo(407);
        assertThat(posts()).hasSize(2);
    }

    @Test
    void aClosedTransportRefusesCalls() {
        OkHttpTransport transport = transport();
        transport.close();

        assertThatThrownBy(() -> transport.execute(evaluationPost(), RequestOptions.defaults()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the transport is closed");
    }

    @Test
    void rejectsBaseUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> OkHttpTransport.builder("ftp://example.org"))
                .hasMessage("baseUrl: not an absolute http or https URL");
        assertThatThrownBy(() -> OkHttpTransport.builder("https://example.org/api?x=1"))
                .hasMessage("baseUrl: must not have a query or fragment");
    }

    @Test
    void keysOnEveryAttemptStayDistinctAcrossCalls() {
        SERVER.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
        OkHttpTransport transport = transport();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            transport.execute(evaluationPost(), RequestOptions.defaults());
        }
        keys.addAll(distinctKeys(posts()));
        assertThat(keys).hasSize(5);
    }
}
