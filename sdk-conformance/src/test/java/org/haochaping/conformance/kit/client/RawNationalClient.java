package org.haochaping.conformance.kit.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.crypto.envelope.EnvelopeSealer;

/**
 * A national-style client of the kit's platform written without the SDK's client (java.net.http and the SDK's
 * {@link EnvelopeSealer}), that can be made to misbehave the ways the national fault scenarios must catch: re-sending
 * the envelope it sealed for the first attempt, giving the records new evaluation ids on a retry, or believing an
 * answer that does not answer every record sent.
 */
final class RawNationalClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientConformanceSession session;
    private final EnvelopeSealer sealer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private boolean replayEnvelope;
    private boolean rekeyOnRetry;
    private boolean checkAnswers = true;

    /** {@code clock}: the session's, which it seals the envelopes' time on. */
    RawNationalClient(ClientConformanceSession session, java.time.Clock clock) {
        this.session = session;
        this.sealer = EnvelopeSealer.builder(session.platformPublicKey()).appMark(session.appMark())
                .appWord(session.appWord()).clock(clock).build();
    }

    /** Broken: the envelope sealed for the first attempt is sent again on every retry. */
    RawNationalClient replaySealedEnvelope() {
        this.replayEnvelope = true;
        return this;
    }

    /** Broken: every retry gives the records new evaluation ids. */
    RawNationalClient rekeyOnRetry() {
        this.rekeyOnRetry = true;
        return this;
    }

    /** Broken: a 200 answer is believed whatever results it holds. */
    RawNationalClient trustAnswers() {
        this.checkAnswers = false;
        return this;
    }

    /**
     * Sends {@code records} (a JSON array of national records), retrying up to 4 times after a 429 (waiting
     * Retry-After), a 5xx, a lost connection or (when checking) a 200 that does not answer every record once.
     * Returns the last status, 0 when no answer came.
     */
    int send(ArrayNode records) throws InterruptedException, IOException {
        byte[] sealed = null;
        int status = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            if (attempt > 0 && rekeyOnRetry) {
                for (JsonNode r : records) {
                    ((ObjectNode) r).put("evaluationId", "EV-" + UUID.randomUUID().toString().substring(0, 8));
                }
            }
            if (sealed == null || !replayEnvelope) {
                sealed = sealer.seal(JSON.writeValueAsBytes(records)).toJson().getBytes(StandardCharsets.UTF_8);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(session.baseUrl() + "/v1/national/evaluations"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sealed)).build();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException lost) {
                status = 0;
                continue;
            }
            status = response.statusCode();
            if (status == 429) {
                Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            if (status >= 500) {
                continue;
            }
            if (status == 200 && checkAnswers && !answersEveryRecord(response.body(), records.size())) {
                continue;
            }
            return status;
        }
        return status;
    }

    /** 5.1, 5.7: one result per record sent, indexes 0 to n-1 each once. */
    private static boolean answersEveryRecord(byte[] body, int sent) throws IOException {
        JsonNode data = JSON.readTree(body).path("data");
        if (!data.isArray() || data.size() != sent) {
            return false;
        }
        Set<Integer> seen = new HashSet<>();
        for (JsonNode r : data) {
            int index = r.path("index").asInt(-1);
            if (index < 0 || index >= sent || !seen.add(index)) {
                return false;
            }
        }
        return true;
    }
}
