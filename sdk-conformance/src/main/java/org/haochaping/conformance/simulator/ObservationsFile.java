package org.haochaping.conformance.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The observations of a simulator written to a JSON file after every request, so that a harness in any language can
 * read what the platform saw, the standalone export included (docs/simulator.md, "Faults and observations from the
 * command line"): the faults of the schedule and what followed each ({@link FaultAttempts}), the attempts per idempotency key, the
 * re-keyed retries, the writes counted twice, what was counted, and every request (no bodies, no personal data).
 * The file is replaced atomically, before the answer to the request is sent, so it is complete for every request a
 * client got an answer to. Thread-safe.
 */
final class ObservationsFile {

    /** The format's version, {@code "version"} in the file. */
    static final int VERSION = 1;

    private final Path file;

    ObservationsFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path path() {
        return file;
    }

    /** Writes the snapshot of {@code o} (and the steps of {@code schedule}, {@code null} for none). */
    synchronized void write(Observations o, FaultSchedule schedule) {
        byte[] json = Json.write(toJson(o, schedule));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, json);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the observations to " + file, e);
        }
    }

    static ObjectNode toJson(Observations o, FaultSchedule schedule) {
        ObjectNode root = Json.object();
        root.put("version", VERSION);
        List<ObservedRequest> requests = o.requests();
        ArrayNode faults = root.putArray("faults");
        ArrayNode reKeyed = Json.MAPPER.createArrayNode();
        ArrayNode countedTwice = Json.MAPPER.createArrayNode();
        Map<FaultSchedule.Step, FaultAttempts> byStep = new LinkedHashMap<>();
        for (FaultSchedule.Injected i : o.injectedFaults()) {
            byStep.put(i.step(), FaultAttempts.of(i, requests));
        }
        for (FaultSchedule.Step step : schedule == null ? List.<FaultSchedule.Step>of() : schedule.steps()) {
            ObjectNode f = faults.addObject();
            f.put("id", step.id());
            f.put("description", step.description());
            f.put("national", step.national());
            FaultAttempts a = byStep.get(step);
            f.put("injected", a != null);
            if (a == null) {
                continue;
            }
            f.put("request", a.fault().sequence());
            if (a.first() != null) {
                f.put("method", a.first().method());
                f.put("path", a.first().path());
            }
            f.put("key", a.fault().idempotencyKey());
            ArrayNode retries = f.putArray("retries");
            a.retries().forEach(r -> retries.add(r.sequence()));
            ArrayNode rk = f.putArray("reKeyed");
            for (ObservedRequest r : a.reKeyed()) {
                rk.addObject().put("request", r.sequence()).put("key", r.idempotencyKey())
                        .put("firstKey", a.fault().idempotencyKey());
                reKeyed.addObject().put("fault", step.id()).put("request", r.sequence()).put("key", r.idempotencyKey())
                        .put("firstKey", a.fault().idempotencyKey());
            }
            ArrayNode reused = f.putArray("reusedNonces");
            a.reusedNonces().forEach((r, earlier) -> reused.addObject().put("request", r.sequence()).put("earlier", earlier));
            ObservedRequest answered = a.answered();
            if (answered == null) {
                f.putNull("answered");
            } else {
                f.putObject("answered").put("request", answered.sequence()).put("status", answered.status())
                        .put("code", answered.code() == null ? null : answered.code().name())
                        .put("idempotentReplay", answered.isIdempotentReplay());
            }
            ArrayNode processed = f.putArray("processed");
            a.processed().forEach(processed::add);
            f.put("countedTwice", a.processed().size() > 1);
            if (a.processed().size() > 1) {
                ArrayNode twice = countedTwice.addObject().put("fault", step.id()).putArray("requests");
                a.processed().forEach(twice::add);
            }
        }
        root.set("reKeyedRetries", reKeyed);
        root.set("countedTwice", countedTwice);
        ArrayNode perKey = root.putArray("attemptsPerKey");
        Map<String, List<ObservedRequest>> byKey = new LinkedHashMap<>();
        for (ObservedRequest r : requests) {
            if ("POST".equals(r.method()) && r.idempotencyKey() != null) {
                byKey.computeIfAbsent(r.path() + ' ' + r.idempotencyKey(), k -> new ArrayList<>()).add(r);
            }
        }
        for (List<ObservedRequest> attempts : byKey.values()) {
            ObjectNode k = perKey.addObject().put("key", attempts.get(0).idempotencyKey())
                    .put("path", attempts.get(0).path()).put("attempts", attempts.size());
            ArrayNode seq = k.putArray("requests");
            attempts.forEach(r -> seq.add(r.sequence()));
        }
        root.putObject("counted").put("evaluations", o.countedEvaluations()).put("duplicateRecords", o.duplicateRecords())
                .put("rejectedRecords", o.rejectedRecords().size());
        ArrayNode all = root.putArray("requests");
        for (ObservedRequest r : requests) {
            ObjectNode n = all.addObject().put("sequence", r.sequence()).put("method", r.method()).put("path", r.path())
                    .put("key", r.idempotencyKey()).put("status", r.status())
                    .put("code", r.code() == null ? null : r.code().name()).put("fault", r.fault())
                    .put("idempotentReplay", r.isIdempotentReplay());
            if (r.countedRecords() >= 0) {
                n.put("countedRecords", r.countedRecords());
            }
            if (r.isRejection()) {
                n.put("message", r.message());
            }
        }
        return root;
    }
}
