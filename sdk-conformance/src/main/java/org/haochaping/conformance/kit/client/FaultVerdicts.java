package org.haochaping.conformance.kit.client;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.haochaping.conformance.simulator.ErrorCode;
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
 */
final class FaultVerdicts {

    /** The most retries of one write the spec allows (5.1, "Retries"). */
    static final int MAX_RETRIES = 4;
    static final String REFERENCE = "interface-spec 5.1 (Retries), 4 (Verification rules)";

    /** Refusals given before the endpoint: the write was not processed. */
    private static final Set<ErrorCode> NOT_PROCESSED = EnumSet.of(ErrorCode.SIGNATURE_INVALID,
            ErrorCode.TIMESTAMP_EXPIRED, ErrorCode.NONCE_REPLAYED, ErrorCode.UNKNOWN_APP, ErrorCode.IDEMPOTENCY_CONFLICT,
            ErrorCode.RATE_LIMITED, ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL);

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
                out.add(new ClientResult(step.id(), title, REFERENCE, false, "not injected yet: the kit faults the "
                        + "first " + steps.size() + " new writes (POST) in the order of the report, " + injected.size()
                        + " so far; perform more scenarios"));
            } else {
                out.add(judgeOne(step, fault, requests, title));
            }
        }
        return out;
    }

    private static ClientResult judgeOne(FaultSchedule.Step step, FaultSchedule.Injected fault,
            List<ObservedRequest> requests, String title) {
        ObservedRequest first = null;
        List<ObservedRequest> attempts = new ArrayList<>();
        for (ObservedRequest r : requests) {
            if (r.sequence() == fault.sequence()) {
                first = r;
            } else if (r.sequence() > fault.sequence() && fault.requestDigest().equals(r.requestDigest())) {
                attempts.add(r);
            }
        }
        String at = "#" + fault.sequence() + " " + (first == null ? "" : first.method() + " " + first.path() + " ");
        List<String> problems = new ArrayList<>();
        if (attempts.isEmpty()) {
            problems.add(step.tampered()
                    ? "trusted the tampered response: " + at + "got a response that does not verify ("
                            + step.description() + ") and the write was never sent again; a response that does not "
                            + "verify is no answer (4, 5.1)"
                    : "not retried: " + at + "got " + step.description() + " and the write was never sent again");
        }
        List<ObservedRequest> all = new ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        all.addAll(attempts);
        Map<String, Long> nonces = new HashMap<>();
        ObservedRequest previous = null;
        for (ObservedRequest a : all) {
            if (a != first && !Objects.equals(a.idempotencyKey(), fault.idempotencyKey())) {
                problems.add("re-keyed on retry: #" + a.sequence() + " carried Idempotency-Key " + a.idempotencyKey()
                        + ", the first attempt #" + fault.sequence() + " " + fault.idempotencyKey()
                        + " (every attempt of one write carries the same key)");
            }
            if (a.nonce() != null) {
                Long seen = nonces.putIfAbsent(a.nonce(), a.sequence());
                if (seen != null) {
                    problems.add("#" + a.sequence() + " reused the nonce of #" + seen + " (each attempt is signed anew)");
                }
            }
            if (previous != null && olderTimestamp(a, previous)) {
                problems.add("#" + a.sequence() + " carries an older timestamp than #" + previous.sequence()
                        + " (each attempt is signed anew, at the time it is sent)");
            }
            previous = a;
        }
        if (step == FaultSchedule.Step.RATE_LIMITED_429 && first != null && !attempts.isEmpty()) {
            long waitedMillis = (attempts.get(0).arrivedNanos() - first.arrivedNanos()) / 1_000_000;
            if (waitedMillis < FaultSchedule.RETRY_AFTER_SECONDS * 1000) {
                problems.add("retried #" + attempts.get(0).sequence() + " after " + waitedMillis + " ms, sooner than "
                        + "Retry-After: " + FaultSchedule.RETRY_AFTER_SECONDS);
            }
        }
        if (attempts.size() > MAX_RETRIES) {
            problems.add(attempts.size() + " retries, more than the " + MAX_RETRIES + " the retry policy allows");
        }
        ObservedRequest answered = null;
        for (ObservedRequest a : attempts) {
            if (a.fault() == null && a.status() > 0) {
                answered = a;
            }
        }
        if (!attempts.isEmpty() && answered == null) {
            problems.add("no attempt got an answer (last: " + attempts.get(attempts.size() - 1) + ")");
        }
        List<Long> processed = new ArrayList<>();
        for (ObservedRequest a : all) {
            boolean processedHere = a == first ? step.processed()
                    : a.fault() == null && a.code() != null && !a.isIdempotentReplay() && !NOT_PROCESSED.contains(a.code());
            if (processedHere) {
                processed.add(a.sequence());
            }
        }
        if (processed.size() > 1) {
            problems.add("processed " + processed.size() + " times as a new write (requests " + processed
                    + "): the platform would have counted it more than once");
        }
        if (!problems.isEmpty()) {
            return new ClientResult(step.id(), title, REFERENCE, false, String.join("\n", problems));
        }
        return new ClientResult(step.id(), title, REFERENCE, true, at + step.description() + "; sent again as "
                + attempts.stream().map(a -> "#" + a.sequence()).toList() + " under Idempotency-Key "
                + fault.idempotencyKey() + " with fresh nonces; answered " + answered.status() + " " + answered.code()
                + (answered.isIdempotentReplay() ? " (idempotent replay)" : "") + "; processed once");
    }

    private static boolean olderTimestamp(ObservedRequest a, ObservedRequest previous) {
        try {
            return Long.parseLong(a.timestamp()) < Long.parseLong(previous.timestamp());
        } catch (NumberFormatException | NullPointerException e) {
            return false;   // a malformed timestamp is the request-timestamp check's business
        }
    }
}
