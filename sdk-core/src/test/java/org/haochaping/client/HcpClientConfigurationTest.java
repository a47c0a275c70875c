package org.haochaping.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.haochaping.Fixtures;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.internal.ConformanceKitAccess;
import org.haochaping.model.Evaluation;
import org.haochaping.rules.ValidationException;
import org.haochaping.transport.Exchange;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.OkHttpTransport;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportRequest;
import org.haochaping.transport.TransportResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client as configuration: {@code newBuilder()}, settings that contradict each other refused at {@code build()},
 * the SDK's retries around an {@link Exchange}, the kit-only switch, one shape for every operation, the async
 * pipeline doing what the synchronous one does, and the platform's error codes as the spec lists them.
 */
class HcpClientConfigurationTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new HcpClientTest.PlatformSignature())).build();

    private static final String APP = "app-001";
    private static final String OK_BODY = "{\"code\":\"OK\",\"message\":\"ok\",\"requestId\":\"r1\",\"data\":{\"results\":"
            + "[{\"index\":0,\"status\":\"ACCEPTED\",\"evaluationNo\":\"E1\"}]}}";
    private static final RetryPolicy QUICK = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(10)).build();

    private final PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
    private final PrivateKeyMaterial platformKey = PrivateKeyMaterial.generateSm2();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void platform() {
        HcpClientTest.platformSigner = MessageSigner.builder(Sm2Signer.builder(platformKey).keyId("plat-1").build())
                .appId(APP).build();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private HcpClient.Builder builder() {
        return HcpClient.builder().baseUrl(SERVER.baseUrl() + "/api").appId(APP)
                .signer(Sm2Signer.builder(appKey).keyId("app-key-1").build())
                .platformVerifier(Sm2Verifier.builder().key("plat-1", platformKey.publicKey()).build());
    }

    private HcpClient client(HcpClient.Builder b) {
        HcpClient client = b.build();
        closing.add(client);
        return client;
    }

    private static ResponseDefinitionBuilder signed(int status, String signedBody, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)
                .withTransformers("platform-signature").withTransformerParameter("signedBody", signedBody);
    }

    private static List<Evaluation> one() {
        return Collections.singletonList(Fixtures.itemEvaluation(Fixtures.windowCase()).build());
    }

    /** A first answer whose body was changed on the way, then the genuine one. */
    private static void tamperedThenGenuine() {
        String forged = OK_BODY.replace("ACCEPTED", "DUPLICATE");
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("tamper").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(signed(200, OK_BODY, forged)).willSetStateTo("genuine"));
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("tamper").whenScenarioStateIs("genuine")
                .willReturn(signed(200, OK_BODY, OK_BODY)));
    }

    private static void assertOneKeyFreshNonces(int attempts) {
        List<LoggedRequest> sent = SERVER.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(attempts);
        Set<String> keys = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (LoggedRequest r : sent) {
            keys.add(r.getHeader("Idempotency-Key"));
            nonces.add(r.getHeader("X-Hcp-Nonce"));
        }
        assertThat(keys).as("one idempotency key across re-sends").hasSize(1).doesNotContainNull();
        assertThat(nonces).as("a fresh signature per attempt").hasSize(attempts);
    }

    @Test
    void anUnverifiableAnswerIsSentAgainUnderTheSameKeySyncAndAsync() throws Exception {
        HcpClient client = client(builder().retryPolicy(QUICK));
        tamperedThenGenuine();
        assertThat(client.submitEvaluations(one()).results()).extracting(RecordResult::evaluationNo)
                .containsExactly("E1");
        assertOneKeyFreshNonces(2);

        SERVER.resetAll();
        tamperedThenGenuine();
        SubmissionResult async = client.submitEncodedAsync(HcpClient.KIND_EVALUATIONS, client.encodeEvaluations(one()),
                RequestOptions.defaults()).get(60, TimeUnit.SECONDS);
        assertThat(async.results()).extracting(RecordResult::evaluationNo).containsExactly("E1");
        assertOneKeyFreshNonces(2);
    }

    @Test
    void anAsyncOperationFailsWithWhatTheSynchronousOneThrows() throws Exception {
        HcpClient client = client(builder().retryPolicy(QUICK));
        String refusal = "{\"code\":\"INVALID_PAYLOAD\",\"message\":\"refused\",\"data\":{\"results\":[]}}";
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(422, refusal, refusal)));
        CompletableFuture<SubmissionResult> future = client.submitEvaluationsAsync(one(), RequestOptions.defaults());
        ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                () -> future.get(60, TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOf(ServiceException.class);
        assertThat(PlatformErrorCode.of((ServiceException) failed.getCause())).contains(PlatformErrorCode.INVALID_PAYLOAD);

        SERVER.resetAll();
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(aResponse().withStatus(422).withBody(refusal)));
        ExecutionException unsigned = catchThrowableOfType(ExecutionException.class,
                () -> client.submitEvaluationsAsync(one(), RequestOptions.defaults()).get(60, TimeUnit.SECONDS));
        assertThat(unsigned.getCause()).as("an unsigned refusal is not believed")
                .isInstanceOf(org.haochaping.crypto.CryptoException.class);
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).as("sent again, as the synchronous form does").hasSize(3);
    }

    @Test
    void newBuilderStartsFromTheClientsSettingsAndBuildsAnIndependentClient() {
        HcpClient original = builder().retryPolicy(QUICK).build();
        HcpClient derived = client(original.newBuilder().retryPolicy(RetryPolicy.none()));
        original.close();
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(aResponse().withStatus(503)));
        ServiceException e = catchThrowableOfType(ServiceException.class, () -> derived.submitEvaluations(one()));
        assertThat(e.attempts()).as("the derived client's own retry policy").isEqualTo(1);

        SERVER.resetAll();
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, OK_BODY, OK_BODY)));
        assertThat(derived.submitEvaluations(one()).allHeld()).as("base URL, app id, keys carried over").isTrue();
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("X-Hcp-Key-Id")).isEqualTo("app-key-1");
    }

    @Test
    void settingsThatWouldHaveNoEffectAreRefusedAtBuildNamingTheSetting() {
        OkHttpTransport own = OkHttpTransport.builder(SERVER.baseUrl() + "/api").build();
        closing.add(own);
        assertThatThrownBy(() -> builder().transport(own).connectTimeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("connectTimeout: has no effect with transport(...)");
        assertThatThrownBy(() -> builder().transport(own).retryPolicy(QUICK).build())
                .hasMessageStartingWith("retryPolicy: has no effect with transport(...)");
        assertThatThrownBy(() -> builder().transport(own).okHttpClient(new okhttp3.OkHttpClient())
                .maxResponseBytes(10).build())
                .hasMessage("maxResponseBytes: has no effect with transport(...), which brings its own; set it on "
                        + "that transport (so do okHttpClient)");
        assertThatThrownBy(() -> builder().exchange(own.exchange())
                .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 3128)), null, null).build())
                .hasMessageStartingWith("proxy: has no effect with exchange(...)");
        assertThatThrownBy(() -> builder().transport(own).exchange(own.exchange()).build())
                .hasMessageContaining("transport and exchange");
        assertThatThrownBy(() -> builder().appId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> HcpClient.builder().baseUrl("http://x").signer(Sm2Signer.builder(appKey).build())
                .build()).hasMessage("appId is required");
        assertThatCode(() -> client(builder().exchange(own.exchange()).retryPolicy(QUICK))).doesNotThrowAnyException();
        assertThatCode(() -> client(builder().transport(own))).doesNotThrowAnyException();
    }

    @Test
    void anExchangeOfAnotherHttpLibraryGetsTheSdksRetriesAndPolicy() {
        OkHttpTransport wire = OkHttpTransport.builder(SERVER.baseUrl() + "/api").retryPolicy(RetryPolicy.none())
                .build();
        closing.add(wire);
        AtomicInteger attempts = new AtomicInteger();
        Exchange counting = new Exchange() {
            @Override
            public TransportResponse send(TransportRequest request, IdempotencyKey key, Duration timeout)
                    throws IOException {
                attempts.incrementAndGet();
                return wire.exchange().send(request, key, timeout);
            }

            @Override
            public CompletableFuture<TransportResponse> sendAsync(TransportRequest request, IdempotencyKey key,
                    Duration timeout) {
                attempts.incrementAndGet();
                return wire.exchange().sendAsync(request, key, timeout);
            }
        };
        HcpClient client = client(builder().exchange(counting).retryPolicy(QUICK));
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("503").whenScenarioStateIs("up")
                .willReturn(signed(200, OK_BODY, OK_BODY)));
        assertThat(client.submitEvaluations(one()).allHeld()).isTrue();
        assertThat(attempts).hasValue(2);
        assertOneKeyFreshNonces(2);

        SERVER.resetAll();
        String refusal = "{\"code\":\"INVALID_PAYLOAD\",\"message\":\"refused\",\"data\":{\"results\":[]}}";
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(422, refusal, refusal)));
        ServiceException e = catchThrowableOfType(ServiceException.class, () -> client.submitEvaluations(one()));
        assertThat(e.platformCode()).as("the platform's error body read for any exchange").contains("INVALID_PAYLOAD");
    }

    @Test
    void onlyTheKitsAccessSwitchesTheRuleCheckOff() {
        Evaluation bad = Fixtures.itemEvaluation(Fixtures.windowCase()).indicators("1101").build();
        HcpClient checked = client(builder());
        assertThatThrownBy(() -> checked.encodeEvaluations(Collections.singletonList(bad)))
                .isInstanceOf(ValidationException.class);
        HcpClient unchecked = client(ConformanceKitAccess.withoutRuleChecks(checked.newBuilder()));
        assertThat(new String(unchecked.encodeEvaluations(Collections.singletonList(bad)), StandardCharsets.UTF_8))
                .contains("1101");
        assertThatThrownBy(() -> checked.encodeEvaluations(Collections.singletonList(bad)))
                .as("the original client is unchanged").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ConformanceKitAccess.install(b -> { }))
                .as("nobody else installs a switch").isInstanceOf(IllegalStateException.class);
        assertThat(Arrays.stream(HcpClient.Builder.class.getMethods()).map(Method::getName))
                .doesNotContain("checkBeforeSend");
    }

    @Test
    void everyOperationHasTheSameThreeShapes() {
        Set<String> operations = new TreeSet<>();
        for (Method m : HcpClient.class.getDeclaredMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (Modifier.isPublic(m.getModifiers()) && p.length > 0 && p[p.length - 1] == RequestOptions.class
                    && !m.getName().endsWith("Async")) {
                operations.add(m.getName());
            }
        }
        assertThat(operations).contains("submitEvaluations", "submitCases", "reportUnevaluated", "submitEncoded",
                "evaluationStatus", "indicators", "calendar", "workOrders", "workOrder", "reportAction",
                "reportFollowUp");
        for (String op : operations) {
            Method withOptions = Arrays.stream(HcpClient.class.getMethods())
                    .filter(m -> m.getName().equals(op) && m.getParameterCount() > 0
                            && m.getParameterTypes()[m.getParameterCount() - 1] == RequestOptions.class)
                    .findFirst().get();
            Class<?>[] args = Arrays.copyOf(withOptions.getParameterTypes(), withOptions.getParameterCount() - 1);
            assertThatCode(() -> HcpClient.class.getMethod(op, args)).as(op + "(args)").doesNotThrowAnyException();
            Method async = null;
            try {
                async = HcpClient.class.getMethod(op + "Async", withOptions.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new AssertionError(op + "Async(args, options) is missing");
            }
            assertThat(async.getReturnType()).as(op + "Async").isEqualTo(CompletableFuture.class);
        }
    }

    @Test
    void theErrorCodesAreThoseOfTheSpecsTable() throws IOException {
        String spec = new String(Files.readAllBytes(Paths.get("..", "docs", "interface-spec.md")),
                StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("\\| `([A-Z_]+)` \\| (\\d{3}) \\| [^\\n]*\\| (yes|no) \\|").matcher(spec);
        Set<PlatformErrorCode> seen = EnumSet.noneOf(PlatformErrorCode.class);
        while (row.find()) {
            PlatformErrorCode code = PlatformErrorCode.find(row.group(1)).orElseThrow(
                    () -> new AssertionError(row.group(1) + " is in the spec but not in PlatformErrorCode"));
            assertThat(code.httpStatus()).as(code + " status").isEqualTo(Integer.parseInt(row.group(2)));
            assertThat(code.isRetried()).as(code + " retried").isEqualTo(row.group(3).equals("yes"));
            seen.add(code);
        }
        assertThat(seen).as("every code in the spec's table").containsExactlyInAnyOrder(PlatformErrorCode.values());
        assertThat(PlatformErrorCode.find("NO_SUCH_CODE")).isEmpty();
    }
}
