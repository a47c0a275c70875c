package org.haochaping.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.haochaping.Fixtures;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.haochaping.rules.ValidationException;
import org.haochaping.testing.LogCapture;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client's own duties, against a scripted platform: a fresh signature on every attempt, one idempotency key across
 * them, nothing read before the response verifies, refusals believed only when signed, rules before sending, no
 * personal data in logs.
 */
class HcpClientTest {

    /** The platform's response signer of the running test, used by {@link PlatformSignature}. */
    static volatile MessageSigner platformSigner;

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new PlatformSignature())).build();

    /**
     * Signs a stub's response as the platform would: over the request it answers (method, path, query, nonce, body)
     * and the body named by the parameter {@code signedBody}, which may differ from the body sent (tampering).
     */
    static final class PlatformSignature implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "platform-signature";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            com.github.tomakehurst.wiremock.http.Request request = event.getRequest();
            ResponseDefinition response = event.getResponseDefinition();
            String url = request.getUrl();
            int q = url.indexOf('?');
            String signedBody = event.getTransformerParameters().getString("signedBody");
            String answering = event.getTransformerParameters().getString("answeringNonce", null);
            var b = ResponseDefinitionBuilder.like(response);
            platformSigner.signResponse(APP, request.getMethod().getName(), q < 0 ? url : url.substring(0, q),
                    q < 0 ? null : url.substring(q + 1), answering != null ? answering : request.getHeader("X-Hcp-Nonce"),
                    request.getBody(), signedBody.getBytes(StandardCharsets.UTF_8)).asMap().forEach(b::withHeader);
            return b.build();
        }
    }

    private static final String APP = "app-001";
    private static final String OK_BODY = "{\"code\":\"OK\",\"message\":\"ok\",\"requestId\":\"r1\",\"data\":{\"results\":"
            + "[{\"index\":0,\"status\":\"ACCEPTED\",\"evaluationNo\":\"E1\"}]}}";

    private final PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
    private final PrivateKeyMaterial platformKey = PrivateKeyMaterial.generateSm2();
    private final MessageSigner platform = MessageSigner.builder(Sm2Signer.builder(platformKey).keyId("plat-1").build())
            .appId(APP).build();
    private HcpClient client;

    @BeforeEach
    void build() {
        platformSigner = platform;
        client = HcpClient.builder().baseUrl(SERVER.baseUrl() + "/api").appId(APP)
                .signer(Sm2Signer.builder(appKey).keyId("app-key-1").build())
                .platformVerifier(Sm2Verifier.builder().key("plat-1", platformKey.publicKey()).build())
                .retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(10)).build())
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** A response signed by the platform for {@code signedBody}, carrying {@code body}. */
    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder signed(int status, String signedBody,
            String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)
                .withTransformers("platform-signature").withTransformerParameter("signedBody", signedBody);
    }

    private static List<Evaluation> one() {
        return Collections.singletonList(Fixtures.itemEvaluation(Fixtures.windowCase()).build());
    }

    @Test
    void everyAttemptIsSignedAfreshUnderOneIdempotencyKey() {
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("retry").whenScenarioStateIs("up")
                .willReturn(signed(200, OK_BODY, OK_BODY)));

        SubmissionResult result = client.submitEvaluations(one());

        assertThat(result.results()).extracting(RecordResult::evaluationNo).containsExactly("E1");
        List<LoggedRequest> attempts = SERVER.findAll(anyRequestedFor(anyUrl()));
        assertThat(attempts).hasSize(2);
        Set<String> nonces = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (LoggedRequest r : attempts) {
            nonces.add(r.getHeader("X-Hcp-Nonce"));
            keys.add(r.getHeader("Idempotency-Key"));
            assertThat(r.getHeader("X-Hcp-App-Id")).isEqualTo(APP);
            assertThat(r.getHeader("X-Hcp-Key-Id")).isEqualTo("app-key-1");
            assertThat(r.getHeader("User-Agent")).contains("hcp-sdk-java");
        }
        assertThat(nonces).as("a fresh nonce per attempt").hasSize(2);
        assertThat(keys).as("one idempotency key across attempts").hasSize(1).doesNotContainNull();
    }

    @Test
    void aResponseWhoseBodyWasChangedIsRefusedBeforeItIsRead() {
        String forged = OK_BODY.replace("ACCEPTED", "DUPLICATE");
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, OK_BODY, forged)));
        CryptoException e = catchThrowableOfType(CryptoException.class, () -> client.submitEvaluations(one()));
        assertThat(e.reason()).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void responseSubstitutionByAnAnswerToAnotherRequestIsRefused() {
        // a genuine, platform-signed OK, but for another request (another nonce and body): e.g. replayed by a proxy
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, OK_BODY, OK_BODY)
                .withTransformerParameter("answeringNonce", "0123456789abcdef0123456789abcdef")));
        CryptoException e = catchThrowableOfType(CryptoException.class, () -> client.submitEvaluations(one()));
        assertThat(e.reason()).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void responseSubstitutionByAResultSetThatDoesNotAnswerEveryRecordIsRefused() {
        String empty = "{\"code\":\"OK\",\"message\":\"ok\",\"requestId\":\"r1\",\"data\":{\"results\":[]}}";
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, empty, empty)));
        assertThatThrownBy(() -> client.submitEvaluations(one())).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("answers 0 of the 1 records");
        String wrongIndex = OK_BODY.replace("\"index\":0", "\"index\":1");
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, wrongIndex, wrongIndex)));
        assertThatThrownBy(() -> client.submitEvaluations(one())).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("index");
        // the outbox does not drop a record on such an answer: it is not a refusal, it is delivered again later
        assertThatThrownBy(() -> client.outboxSink().deliver(outboxRecordFor(client.encodeEvaluations(one()))))
                .isInstanceOf(MalformedResponseException.class);
    }

    private static org.haochaping.outbox.OutboxRecord outboxRecordFor(byte[] payload) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("hcp-outbox-substitution");
        try (org.haochaping.outbox.Outbox outbox = org.haochaping.outbox.Outbox.builder(dir, record -> {
            throw new java.io.IOException("offline");
        }).networkStatus(() -> false).open()) {
            return outbox.submit(HcpClient.KIND_EVALUATIONS, payload);
        }
    }

    @Test
    void aRefusalIsBelievedOnlyWhenSigned() {
        String refusal = "{\"code\":\"INVALID_PAYLOAD\",\"message\":\"refused\",\"data\":{\"results\":[]}}";
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(422, refusal, refusal)));
        ServiceException signed = catchThrowableOfType(ServiceException.class, () -> client.submitEvaluations(one()));
        assertThat(signed.platformCode()).contains("INVALID_PAYLOAD");
        assertThat(signed.attempts()).isEqualTo(1);

        SERVER.resetAll();
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(aResponse().withStatus(422).withBody(refusal)));
        assertThatThrownBy(() -> client.submitEvaluations(one())).isInstanceOf(CryptoException.class);
    }

    @Test
    void theRulesAreCheckedBeforeAnythingIsSentAndSubmissionsAreBounded() {
        Evaluation bad = Fixtures.itemEvaluation(Fixtures.windowCase()).indicators("1101").build();
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.submitEvaluations(Collections.singletonList(bad)));
        assertThat(e.violations()).extracting(v -> v.path()).contains("[0].indicators[0]");
        List<Evaluation> many = new ArrayList<>();
        for (int i = 0; i <= HcpClient.MAX_RECORDS; i++) {
            many.add(one().get(0));
        }
        assertThatThrownBy(() -> client.submitEvaluations(many)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 100 records");
        assertThat(SERVER.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void noPersonalDataOrSignatureReachesTheLogs() {
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, OK_BODY, OK_BODY)));
        LogCapture.clear();
        client.submitEvaluations(one());
        String logs = String.join("\n", LogCapture.lines());
        Evaluation e = one().get(0);
        assertThat(logs).contains("SubmissionResult{1 records: 1 accepted").doesNotContain(e.evaluator().name())
                .doesNotContain(e.evaluator().certificateNumber()).doesNotContain(e.evaluator().mobile());
        for (LoggedRequest r : SERVER.findAll(anyRequestedFor(anyUrl()))) {
            assertThat(logs).doesNotContain(r.getHeader("X-Hcp-Signature"));
        }
        assertThat(client.toString()).doesNotContain(appKey.exportPkcs8Pem().substring(40, 80));
    }
}
