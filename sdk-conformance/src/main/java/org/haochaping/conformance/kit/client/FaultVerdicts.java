package org.haochaping.conformance.kit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.conformance.simulator.ErrorCode;
import org.haochaping.conformance.simulator.FaultAttempts;
import org.haochaping.conformance.simulator.FaultSchedule;
import org.haochaping.conformance.simulator.Observations;
import org.haochaping.conformance.simulator.ObservedRequest;

/**
 * The verdicts on the faults the kit injected into a client session ({@link FaultSchedule}), one per step, judged
 * from the requests that followed the faulted one with the same method, path and body (its attempts): the write was
 * sent again within the retry policy of docs/interface-spec.md 5.1 (no sooner than {@code Retry-After}, at most
 * {@value #MAX_RETRIES} retries) until it got an answer, under the same {@code Idempotency-Key} with a fresh nonce and
 * timestamp each time; a response that did not verify was not believed (the write was sent again); and the
 * platform processed the write once.
 *
 * <p>In the national report style (steps that are {@link FaultSchedule.Step#national()}) the attempts of a write are
 * the envelopes that open to the same records (their {@code evaluationId} left out): every attempt must be sealed
 * anew (a {@code sign} of its own and a {@code time} not older than the previous one; re-sending an envelope is
 * "replayed the sealed envelope"), carry the same evaluation ids (what the platform de-duplicates national records by;
 * "re-keyed on retry" otherwise), not believe an answer that does not answer every record sent, and have its records
 * counted once.
 */
final class FaultVerdicts {

    /** The most retries of one write the spec allows (5.1, "Retries"). */
    static final int MAX_RETRIES = 4;
    static final String REFERENCE = "interface-spec 5.1 (Retries), 4 (Verification rules)";
    static final String NATIONAL_REFERENCE = "interface-spec 4 (National envelope), 5.1 (Retries), 5.7";

    private FaultVerdicts() {
    }

    static List<ClientResult> judge(List<FaultSchedule.Step> steps, Observations o) {
        List<FaultSchedule.Injected> injected = o.injectedFaults();
        List<ObservedRequest> requests = o.requests();
        List<ClientResult> out = new ArrayList<>();
        for (FaultSchedule.Step step : steps) {
            FaultSchedule.Injected fault = injected.stream().filter(i -> i.step() == step).findFirst().orElse(null);
            String title = "handled: " + step.description();
            if (fault == null) {
                long ofStyle = steps.stream().filter(s -> s.national() == step.national()).count();
                long injectedOfStyle = injected.stream().filter(i -> i.step().national() == step.national()).count();
                out.add(new ClientResult(step.id(), title, reference(step), false, "not injected yet: the kit faults the "
                        + "first " + ofStyle + " new " + (step.national() ? "national envelopes (POST "
                        + "/v1/national/evaluations)" : "writes (POST)") + " in the order of the report, "
                        + injectedOfStyle + " so far; perform more scenarios"));
            } else {
                out.add(judgeOne(step, fault, requests, title));
            }
        }
        return out;
    }

    private static ClientResult judgeOne(FaultSchedule.Step step, FaultSchedule.Injected fault,
            List<ObservedRequest> requests, String title) {
        FaultAttempts followed = FaultAttempts.of(fault, requests);
        ObservedRequest first = followed.first();
        List<ObservedRequest> attempts = followed.retries();
        String at = "#" + fault.sequence() + " " + (first == null ? "" : first.method() + " " + first.path() + " ");
        List<String> problems = new ArrayList<>();
        boolean national = step.national();
        if (attempts.isEmpty()) {
            problems.add(step.tampered()
                    ? "trusted the tampered response: " + at + "got " + (national ? "an answer that does not answer "
                            + "every record sent (" + step.description() + ") and the records were never sent again; "
                            + "such an answer is no answer (5.1, 5.7)" : "a response that does not verify ("
                            + step.description() + ") and the write was never sent again; a response that does not "
                            + "verify is no answer (4, 5.1)")
                    : "not retried: " + at + "got " + step.description() + " and the write was never sent again");
        }
        for (ObservedRequest a : followed.reKeyed()) {
            problems.add(national
                    ? "re-keyed on retry: #" + a.sequence() + " carried the records under evaluationId "
                            + a.idempotencyKey() + ", the first attempt #" + fault.sequence() + " under "
                            + fault.idempotencyKey() + " (every attempt of one write sends the same records: their "
                            + "evaluationId is what the platform de-duplicates them by)"
                    : "re-keyed on retry: #" + a.sequence() + " carried Idempotency-Key " + a.idempotencyKey()
                            + ", the first attempt #" + fault.sequence() + " " + fault.idempotencyKey()
                            + " (every attempt of one write carries the same key)");
        }
        Map<ObservedRequest, Long> reused = followed.reusedNonces();
        for (Map.Entry<ObservedRequest, Long> e : reused.entrySet()) {
            problems.add(national
                    ? "replayed the sealed envelope: #" + e.getKey().sequence() + " re-sent the sign of #" + e.getValue()
                            + " (each attempt is sealed anew: a fresh time and sign; a sign is accepted once)"
                    : "#" + e.getKey().sequence() + " reused the nonce of #" + e.getValue()
                            + " (each attempt is signed anew)");
        }
        ObservedRequest previous = null;
        for (ObservedRequest a : followed.all()) {
            if (national && !reused.containsKey(a) && a.code() == ErrorCode.NONCE_REPLAYED) {
                problems.add("replayed the sealed envelope: #" + a.sequence() + " was refused as replayed ("
                        + a.message() + "); each attempt is sealed anew");
            }
            if (previous != null && olderTimestamp(a, previous)) {
                problems.add("#" + a.sequence() + " carries an older " + (national ? "envelope time" : "timestamp")
                        + " than #" + previous.sequence() + " (each attempt is " + (national ? "sealed" : "signed")
                        + " anew, at the time it is sent)");
            }
            previous = a;
        }
        if ((step == FaultSchedule.Step.RATE_LIMITED_429 || step == FaultSchedule.Step.NATIONAL_RATE_LIMITED_429)
                && first != null && !attempts.isEmpty()) {
            long waitedMillis = (attempts.get(0).arrivedNanos() - first.arrivedNanos()) / 1_000_000;
            if (waitedMillis < FaultSchedule.RETRY_AFTER_SECONDS * 1000) {
                problems.add("retried #" + attempts.get(0).sequence() + " after " + waitedMillis + " ms, sooner than "
                        + "Retry-After: " + FaultSchedule.RETRY_AFTER_SECONDS);
            }
        }
        if (attempts.size() > MAX_RETRIES) {
            problems.add(attempts.size() + " retries, more than the " + MAX_RETRIES + " the retry policy allows");
        }
        ObservedRequest answered = followed.answered();
        if (!attempts.isEmpty() && answered == null) {
            problems.add("no attempt got an answer (last: " + attempts.get(attempts.size() - 1) + ")");
        }
        List<Long> processed = followed.processed();
        if (processed.size() > 1) {
            problems.add(national ? "counted " + processed.size() + " times (requests " + processed + "): a retry's "
                    + "records were counted anew" : "processed " + processed.size() + " times as a new write (requests "
                    + processed + "): the platform would have counted it more than once");
        }
        if (!problems.isEmpty()) {
            return new ClientResult(step.id(), title, reference(step), false, String.join("\n", problems));
        }
        if (national) {
            return new ClientResult(step.id(), title, reference(step), true, at + step.description() + "; sent again as "
                    + attempts.stream().map(a -> "#" + a.sequence()).toList() + ", each sealed anew (own time and "
                    + "sign), the records under evaluationId " + fault.idempotencyKey() + "; answered "
                    + answered.status() + " " + answered.code() + "; counted once");
        }
        return new ClientResult(step.id(), title, REFERENCE, true, at + step.description() + "; sent again as "
                + attempts.stream().map(a -> "#" + a.sequence()).toList() + " under Idempotency-Key "
                + fault.idempotencyKey() + " with fresh nonces; answered " + answered.status() + " " + answered.code()
                + (answered.isIdempotentReplay() ? " (idempotent replay)" : "") + "; processed once");
    }

    private static String reference(FaultSchedule.Step step) {
        return step.national() ? NATIONAL_REFERENCE : REFERENCE;
    }

    private static boolean olderTimestamp(ObservedRequest a, ObservedRequest previous) {
        try {
            return Long.parseLong(a.timestamp()) < Long.parseLong(previous.timestamp());
        } catch (NumberFormatException | NullPointerException e) {
            return false;   // a malformed timestamp is the request-timestamp check's business
        }
    }
}
