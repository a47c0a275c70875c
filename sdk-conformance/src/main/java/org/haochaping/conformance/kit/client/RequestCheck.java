package org.haochaping.conformance.kit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.haochaping.conformance.simulator.ErrorCode;
import org.haochaping.conformance.simulator.Observations;
import org.haochaping.conformance.simulator.ObservedRequest;
import org.haochaping.conformance.simulator.RejectedRecord;
import org.haochaping.rules.Violation;

/**
 * A check every request of the client must pass: the platform refused none for this reason. Judged from the
 * refusals the simulated platform recorded, each reported with the platform's own reason.
 */
public enum RequestCheck {

    /** Signature headers present, app registered, key id known, signature verifies. */
    SIGNATURE("request-signature", "every request is signed by the registered app key",
            "interface-spec 4 (Verification rules 1, 2, 4), 5.1",
            r -> r.code() == ErrorCode.SIGNATURE_INVALID || r.code() == ErrorCode.UNKNOWN_APP),
    /** The timestamp inside ±5 minutes of the platform clock. */
    TIMESTAMP("request-timestamp", "every request's timestamp is within the allowed skew",
            "interface-spec 4 (Verification rules 3)", r -> r.code() == ErrorCode.TIMESTAMP_EXPIRED),
    /** A fresh nonce on every request, retries included. */
    NONCE("request-nonce", "every request carries a fresh nonce", "interface-spec 4 (Verification rules 5)",
            r -> r.code() == ErrorCode.NONCE_REPLAYED),
    /** {@code Idempotency-Key} on every write, never reused for another request. */
    IDEMPOTENCY("request-idempotency", "every write carries an Idempotency-Key, reused only for its own retries",
            "interface-spec 5.1 (Every write)", RequestCheck::idempotencyRefusal),
    /** Bodies in the shape of their endpoint, JSON content type, existing endpoints and records. */
    SCHEMA("request-schema", "every request has the shape of its endpoint (JSON body, fields, paths)",
            "interface-spec 1, 5.1-5.10",
            r -> (r.code() == ErrorCode.INVALID_REQUEST && !idempotencyRefusal(r) && !actorRefusal(r))
                    || (r.code() == ErrorCode.NOT_FOUND && !isLookup(r))),
    /** Every record passes the evaluation rules; every work-order action is one the state machine allows. */
    RULES("request-rules", "every record passes the rules and every work-order action is allowed",
            "interface-spec 1.4, 3; Art. 7-22", r -> r.code() == ErrorCode.ILLEGAL_TRANSITION && !actorRefusal(r)),
    /**
     * Every work-order action names its actor as the spec says: a well-formed code, never {@code SYSTEM}, and the id
     * its role acts under on that order.
     */
    ACTORS("request-actors", "every work-order action names its actor by role and the id the spec gives that role",
            "interface-spec 5.5 (Actors); Art. 17-22", RequestCheck::actorRefusal);

    /** How many offending requests a failure lists before it only counts the rest. */
    static final int LISTED = 20;

    private final String id;
    private final String title;
    private final String reference;
    private final Predicate<ObservedRequest> refusedFor;

    RequestCheck(String id, String title, String reference, Predicate<ObservedRequest> refusedFor) {
        this.id = id;
        this.title = title;
        this.reference = reference;
        this.refusedFor = refusedFor;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The section of docs/interface-spec.md (and the articles) it checks. */
    public String reference() {
        return reference;
    }

    /** The verdict on every request observed so far. */
    public ClientResult judge(Observations observations) {
        List<String> failures = new ArrayList<>();
        for (ObservedRequest r : observations.rejections()) {
            if (refusedFor.test(r)) {
                failures.add("#" + r.sequence() + " " + r.method() + " " + r.path() + " -> " + r.code() + ": "
                        + r.message() + (r.signatureDiagnostics() == null ? ""
                                : "\n" + r.signatureDiagnostics().replace("\n", "\n    ")));
            }
        }
        if (this == RULES) {
            // Refused records, whether their request was refused whole (INVALID_PAYLOAD) or only in part.
            for (RejectedRecord rec : observations.rejectedRecords()) {
                if (ClientScenario.refusedAsLate(rec)) {
                    continue; // the late-evaluation scenario's expected answer (Art. 16), not a fault of the client
                }
                for (Violation v : rec.violations()) {
                    failures.add((rec.requestSequence() > 0 ? "#" + rec.requestSequence() + " " : "") + "POST "
                            + rec.endpoint() + " record [" + rec.index() + "] " + v.path() + " (" + v.rule() + "): "
                            + v.message());
                }
            }
        }
        int requests = observations.requests().size();
        if (failures.isEmpty()) {
            return new ClientResult(id, title, reference, true, requests + " requests, none refused for this");
        }
        StringBuilder why = new StringBuilder(failures.size() + " refused:");
        for (int i = 0; i < failures.size() && i < LISTED; i++) {
            why.append("\n").append(failures.get(i));
        }
        if (failures.size() > LISTED) {
            why.append("\n... and ").append(failures.size() - LISTED).append(" more");
        }
        return new ClientResult(id, title, reference, false, why.toString());
    }

    /**
     * A well-formed look-up of one evaluation or work order by number: an unknown number is answered 404 and is
     * not the client's fault (it may ask before the number exists, or for one of another platform).
     */
    private static boolean isLookup(ObservedRequest r) {
        return "GET".equals(r.method()) && LOOKUP.matcher(r.path()).matches();
    }

    private static final java.util.regex.Pattern LOOKUP =
            java.util.regex.Pattern.compile("(/.*)?/v1/(evaluations|work-orders)/[A-Za-z0-9._~%-]+");

    /** A refusal that names the actor ({@code actor.id}, {@code actor.role}: interface-spec 5.5, Actors). */
    private static boolean actorRefusal(ObservedRequest r) {
        return (r.code() == ErrorCode.INVALID_REQUEST || r.code() == ErrorCode.ILLEGAL_TRANSITION) && r.message() != null
                && (r.message().startsWith("actor.id ") || r.message().startsWith("actor.role "));
    }

    private static boolean idempotencyRefusal(ObservedRequest r) {
        return r.code() == ErrorCode.IDEMPOTENCY_CONFLICT
                || (r.code() == ErrorCode.INVALID_REQUEST && r.message() != null
                        && r.message().contains("Idempotency-Key"));
    }
}
