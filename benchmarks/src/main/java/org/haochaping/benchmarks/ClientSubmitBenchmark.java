package org.haochaping.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.encoders.Base64;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.client.HcpClient;
import org.haochaping.client.RecordStatus;
import org.haochaping.client.SubmissionResult;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.SignatureHeaders;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.rules.EvaluationPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link HcpClient#submitEvaluations} beside raw OkHttp posting the same request bytes to the same loopback
 * "platform" in the same run (issue 6; goal: the SDK at 0.9 of raw or better), and a batch of 100 evaluations in one
 * request beside 100 single-evaluation requests.
 *
 * <p>The server answers every POST with the unified envelope (interface-spec 5.1), one {@code ACCEPTED} result per
 * record of the request, signed with a platform SM2 key in the {@code RESPONSE} direction with a fresh timestamp and
 * nonce, bound to the request's nonce and body, as the platform does; the client's replay guard would refuse a repeated nonce. The SDK side checks the
 * evaluation against the rules (Art. 6-15), writes the unified JSON, signs the request (SM2, interface-spec 4),
 * verifies the response's signature, window and nonce, and reads the per-record results. The baselines:
 * {@link #rawOkHttp} posts the pre-encoded body and reads the response (no crypto, no JSON);
 * {@link #rawOkHttpSignedBouncyCastle} also signs the request and verifies the response with a reused Bouncy Castle
 * {@code SM2Signer} and a hand-built canonical string (no rules, no JSON parsing, no replay memory).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClientSubmitBenchmark {

    static final String APP_ID = "app-001";
    static final String APP_KEY_ID = "app-key-2026";
    static final String PLATFORM_KEY_ID = "platform-2026";
    static final String PATH = "/api/v1/evaluations";
    static final int BATCH = HcpClient.MAX_RECORDS;

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** 天津市公安局 (fictitious code, valid check digit), as in the conformance kit's samples. */
    private static final String PUBLIC_SECURITY = "111201010002345670";

    private LoopbackServer server;
    private HcpClient client;
    private OkHttpClient raw;
    private MediaType json;
    private String url;
    PrivateKeyMaterial appKey;
    PrivateKeyMaterial platformKey;

    private List<List<Evaluation>> singles;
    private List<Evaluation> batch;
    /** What {@code client.encodeEvaluations} makes of the first single: the bytes both baselines post. */
    byte[] oneEncoded;
    private int next;

    @Setup
    public void setUp() throws IOException {
        appKey = PrivateKeyMaterial.generateSm2();
        platformKey = PrivateKeyMaterial.generateSm2();
        server = LoopbackServer.start("/api", new SigningPlatform(platformKey));
        url = server.url(PATH);
        client = HcpClient.builder().baseUrl(server.url("/api")).appId(APP_ID)
                .signer(Sm2Signer.builder(appKey).keyId(APP_KEY_ID).build())
                .platformVerifier(Sm2Verifier.builder().key(PLATFORM_KEY_ID, platformKey.publicKey()).build())
                .build();
        raw = new OkHttpClient();
        json = MediaType.parse(JSON_TYPE);

        batch = new ArrayList<>();
        singles = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            Evaluation e = evaluation(i);
            EvaluationPolicy.standard().check(e);
            batch.add(e);
            singles.add(Collections.singletonList(e));
        }
        batch = Collections.unmodifiableList(batch);
        oneEncoded = client.encodeEvaluations(singles.get(0));

        // The run measures real, accepted submissions or nothing.
        expectAccepted(client.submitEvaluations(singles.get(0)), 1);
        expectAccepted(client.submitEvaluations(batch), BATCH);
    }

    @TearDown
    public void tearDown() {
        client.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        server.close();
    }

    /** The SDK: rules, JSON, request signature, response verification, per-record results. */
    @Benchmark
    public SubmissionResult sdkSubmitOne() {
        return client.submitEvaluations(singles.get(next++ % BATCH));
    }

    /** Raw OkHttp posting the same pre-encoded body and reading the response: no crypto, no JSON. */
    @Benchmark
    public int rawOkHttp() throws IOException {
        Request post = new Request.Builder().url(url).post(RequestBody.create(oneEncoded, json)).build();
        try (Response response = raw.newCall(post).execute()) {
            return response.code() + response.body().bytes().length;
        }
    }

    /** Raw OkHttp plus raw Bouncy Castle: signs the request and verifies the response's signature. */
    @Benchmark
    public boolean rawOkHttpSignedBouncyCastle(RawCrypto crypto) throws IOException, CryptoException {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = crypto.nonce();
        String canonical = crypto.canonical("REQUEST", APP_KEY_ID, timestamp, nonce, oneEncoded);
        byte[] ascii = canonical.getBytes(StandardCharsets.US_ASCII);
        crypto.signEngine.update(ascii, 0, ascii.length);
        String signature = Base64.toBase64String(crypto.signEngine.generateSignature());
        Request post = new Request.Builder().url(url)
                .header(SignatureHeaders.APP_ID, APP_ID)
                .header(SignatureHeaders.KEY_ID, APP_KEY_ID)
                .header(SignatureHeaders.ALGORITHM, "SM2-SM3")
                .header(SignatureHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(SignatureHeaders.NONCE, nonce)
                .header(SignatureHeaders.SIGNATURE, signature)
                .post(RequestBody.create(oneEncoded, json)).build();
        try (Response response = raw.newCall(post).execute()) {
            byte[] body = response.body().bytes();
            long answered = Long.parseLong(response.header(SignatureHeaders.TIMESTAMP));
            if (response.code() != 200 || !APP_ID.equals(response.header(SignatureHeaders.APP_ID))
                    || !PLATFORM_KEY_ID.equals(response.header(SignatureHeaders.KEY_ID))
                    || Math.abs(answered - Instant.now().getEpochSecond()) > 300) {
                throw new IllegalStateException("the response is not a signed 200 of the platform");
            }
            byte[] expected = (crypto.canonical("RESPONSE", PLATFORM_KEY_ID, answered,
                    response.header(SignatureHeaders.NONCE), body) + "\n" + nonce + "\n" + crypto.sm3Hex(oneEncoded))
                    .getBytes(StandardCharsets.US_ASCII);
            crypto.verifyEngine.update(expected, 0, expected.length);
            if (!crypto.verifyEngine.verifySignature(Base64.decode(response.header(SignatureHeaders.SIGNATURE)))) {
                throw new IllegalStateException("the response signature does not verify");
            }
            return true;
        }
    }

    /** Only the rules check and the JSON of one evaluation, no network: the part of {@link #sdkSubmitOne} that is not HTTP or crypto. */
    @Benchmark
    public byte[] sdkEncodeOne() {
        return client.encodeEvaluations(singles.get(next++ % BATCH));
    }

    /** 100 evaluations in one request; the score is records per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public SubmissionResult sdkBatchOf100() {
        return client.submitEvaluations(batch);
    }

    /** The same 100 evaluations as 100 requests of one; the score is records per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sdk100Singles() {
        int accepted = 0;
        for (List<Evaluation> one : singles) {
            accepted += client.submitEvaluations(one).count(RecordStatus.ACCEPTED);
        }
        return accepted;
    }

    /**
     * What a user writing the signing by hand keeps: Bouncy Castle engines initialised once and reused by one
     * thread (not thread-safe), and the canonical string of interface-spec 4 for this one fixed path.
     */
    @State(Scope.Thread)
    public static class RawCrypto {
        SM2Signer signEngine;
        SM2Signer verifyEngine;
        private final SecureRandom random = new SecureRandom();
        private final byte[] nonceBytes = new byte[16];
        private final SM3Digest sm3 = new SM3Digest();
        private final byte[] digest = new byte[32];

        @Setup
        public void setUp(ClientSubmitBenchmark bench) {
            byte[] id = Sm2Signer.DEFAULT_SIGNER_ID.getBytes(StandardCharsets.US_ASCII);
            signEngine = new SM2Signer();
            signEngine.init(true, new ParametersWithID(
                    new ParametersWithRandom(BouncyCastleKeys.parameters(bench.appKey), new SecureRandom()), id));
            verifyEngine = new SM2Signer();
            verifyEngine.init(false, new ParametersWithID(BouncyCastleKeys.parameters(bench.platformKey.publicKey()), id));
        }

        String nonce() {
            random.nextBytes(nonceBytes);
            return Hex.toHexString(nonceBytes);
        }

        String canonical(String direction, String keyId, long timestamp, String nonce, byte[] body) {
            return "HCP1-SM2-SM3\n" + direction + "\nPOST\n" + PATH + "\n\n" + APP_ID + "\n" + keyId + "\n" + timestamp
                    + "\n" + nonce + "\n" + sm3Hex(body);
        }

        String sm3Hex(byte[] bytes) {
            sm3.update(bytes, 0, bytes.length);
            sm3.doFinal(digest, 0);
            return Hex.toHexString(digest);
        }
    }

    /**
     * The loopback platform: one {@code ACCEPTED} result per record, the envelope signed per response. The bodies
     * are the same for the same record count, so they are made once; the signature is not.
     */
    static final class SigningPlatform implements LoopbackServer.Responder {
        private final ObjectMapper mapper = new ObjectMapper();
        private final MessageSigner signer;
        private final byte[][] bodies = new byte[BATCH + 1][];

        SigningPlatform(PrivateKeyMaterial platformKey) {
            signer = MessageSigner.builder(Sm2Signer.builder(platformKey).keyId(PLATFORM_KEY_ID).build()).build();
            for (int n = 1; n <= BATCH; n++) {
                StringBuilder results = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    results.append(i == 0 ? "" : ",").append("{\"index\":").append(i)
                            .append(",\"status\":\"ACCEPTED\",\"evaluationNo\":\"E").append(i + 1).append("\"}");
                }
                bodies[n] = ("{\"code\":\"OK\",\"message\":\"ok\",\"requestId\":\"req-bench\",\"data\":{\"results\":["
                        + results + "]}}").getBytes(StandardCharsets.UTF_8);
            }
        }

        @Override
        public LoopbackServer.Reply reply(String method, URI uri, String requestNonce, byte[] requestBody) {
            int records;
            try {
                records = mapper.readTree(requestBody).path("records").size();
            } catch (IOException e) {
                throw new IllegalStateException("the benchmark posted a body that is not JSON", e);
            }
            if (records < 1 || records > BATCH) {
                throw new IllegalStateException("the benchmark posted " + records + " records");
            }
            byte[] body = bodies[records];
            return new LoopbackServer.Reply(signer.signResponse(APP_ID, method, uri.getRawPath(), uri.getRawQuery(),
                    requestNonce, requestBody, body).asMap(), body);
        }
    }

    private static void expectAccepted(SubmissionResult result, int records) {
        if (result.results().size() != records || result.count(RecordStatus.ACCEPTED) != records) {
            throw new IllegalStateException("expected " + records + " accepted records, got " + result);
        }
    }

    private static OffsetDateTime at(String localDateTime) {
        return OffsetDateTime.of(LocalDateTime.parse(localDateTime), BEIJING);
    }

    /** A rule-valid evaluation of a fully online case (as in the conformance kit's samples), case number varied. */
    static Evaluation evaluation(int i) {
        String serial = String.format("%05d", i + 1);
        CaseRecord c = CaseRecord.builder().caseNo("TJ20261126" + serial)
                .item("11120101000234567200012011700002", "户籍证明开具")
                .department(PUBLIC_SECURITY, "天津市公安局").areaCode("120101")
                .status(CaseStatus.COMPLETED).acceptedAt(at("2026-11-25T20:11:00"))
                .completedAt(at("2026-11-26T10:02:00"))
                .handlingMode(HandlingMode.FULLY_ONLINE).build();
        Evaluator person = Evaluator.builder().kind(EvaluatorKind.NATURAL_PERSON).name("张三")
                .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121236").mobile("13812345678").build();
        return Evaluation.builder().evaluationId("EV-B" + serial).caseRecord(c).targets(Target.SERVICE_ITEM)
                .channel(Channel.ONLINE_HALL).grade(Grade.VERY_SATISFIED).indicators("1504")
                .stage(EvaluationStage.AT_COMPLETION).evaluatedAt(c.completedAt().plusMinutes(20))
                .evaluator(person).build();
    }
}
