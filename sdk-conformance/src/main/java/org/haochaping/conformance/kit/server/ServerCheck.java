package org.haochaping.conformance.kit.server;

/**
 * The checks {@code hcp conformance server} runs against a central platform, each with the section of
 * docs/interface-spec.md (and the article of the rules) it tests. The names are stable: reports and CI
 * filters use them.
 */
public enum ServerCheck {
    VALID_EVALUATION_ACCEPTED("valid-evaluation-accepted", "5.3; Art. 18",
            "a rule-valid 差评 sent by the SDK client (HcpClient) is ACCEPTED, numbered and opens a work order"),
    RESPONSE_SIGNED("response-signed", "4; 5.1",
            "an answer is signed by the platform key in the RESPONSE direction over the request it answers"),
    IDEMPOTENT_REPLAY("idempotent-replay", "5.1",
            "the same request under the same Idempotency-Key gets the same answer byte for byte, Idempotent-Replayed"),
    COUNTED_ONCE("counted-once", "5.3",
            "the same evaluation under another Idempotency-Key is DUPLICATE with the first one's evaluationNo"),
    IDEMPOTENCY_CONFLICT("idempotency-conflict", "5.1",
            "the same Idempotency-Key with another body is refused with 409 IDEMPOTENCY_CONFLICT"),
    INVALID_PAYLOAD_REFUSED("invalid-payload-refused", "5.3; 1.4; Art. 7",
            "a 差评 without its reason is refused with 422 INVALID_PAYLOAD naming indicators and Art. 7"),
    TAMPERED_SIGNATURE_REFUSED("tampered-signature-refused", "4; 5.1",
            "a request whose signature does not verify is refused with 401 SIGNATURE_INVALID"),
    EXPIRED_TIMESTAMP_REFUSED("expired-timestamp-refused", "4; 5.1",
            "a request signed 15 minutes ago is refused with 401 TIMESTAMP_EXPIRED"),
    REPLAYED_NONCE_REFUSED("replayed-nonce-refused", "4; 5.1",
            "a signed request sent a second time is refused with 401 NONCE_REPLAYED"),
    UNKNOWN_APP_REFUSED("unknown-app-refused", "5.1",
            "a request of an app id the platform never registered is refused with 403 UNKNOWN_APP"),
    MISSING_IDEMPOTENCY_KEY_REFUSED("missing-idempotency-key-refused", "5.1",
            "a write without Idempotency-Key is refused with 400 INVALID_REQUEST"),
    ERROR_RESPONSES_SIGNED("error-responses-signed", "5.1; 4",
            "every error answer of this run is signed by the platform key for the app the request named"),
    LAST_SECOND_REPLAY_REFUSED("last-second-replay-refused", "4; 5.1",
            "a request whose timestamp is exactly 300 s old, sent twice in that last second, is accepted once"),
    OVERSIZED_BODY_REFUSED("oversized-body-refused", "5.1",
            "a 16 MiB request body is refused with 413 before it is read, and the platform keeps answering"),
    RESPELLED_ENVELOPE_REPLAY_REFUSED("respelled-envelope-replay-refused", "4; 5.7",
            "a national envelope sent again with its sign re-spelled (upper-case hex, no 04 prefix) or with other "
                    + "records is refused and counts nothing (run with --national-app-mark)"),
    WORK_ORDER_PAGINATION("work-order-pagination", "5.1; 5.5",
            "the work-order list answers {items, page, pageSize, total}; a page past the last is empty, same total"),
    INDICATORS_MATCH_ANNEX("indicators-match-annex", "5.6; 1.6",
            "GET /v1/indicators lists exactly the annex's indicators (code, target, grade, text, requiresFreeText)");

    private final String id;
    private final String section;
    private final String description;

    ServerCheck(String id, String section, String description) {
        this.id = id;
        this.section = section;
        this.description = description;
    }

    /** The stable name, e.g. {@code tampered-signature-refused}. */
    public String id() {
        return id;
    }

    /** The interface-spec section(s) and articles it tests. */
    public String section() {
        return section;
    }

    public String description() {
        return description;
    }
}
