package org.haochaping.tracking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haochaping.model.Target;

/** A {@link TrackerStore} in this process's memory: one instance, lost on restart. Thread-safe. */
public final class InMemoryTrackerStore implements TrackerStore {

    private final Map<String, TrackedCase> cases = new LinkedHashMap<>();
    private final Map<Long, String> byLinkId = new LinkedHashMap<>();
    private long nextLinkId = 1;

    @Override
    public synchronized TrackedCase add(TrackedCase candidate) {
        TrackedCase known = cases.get(candidate.caseNo());
        if (known != null) {
            return known;
        }
        TrackedCase stored = candidate.toBuilder().linkId(nextLinkId++).build();
        cases.put(stored.caseNo(), stored);
        byLinkId.put(stored.linkId(), stored.caseNo());
        return stored;
    }

    @Override
    public synchronized TrackedCase find(String caseNo) {
        return cases.get(caseNo);
    }

    @Override
    public synchronized TrackedCase findByLinkId(long linkId) {
        String caseNo = byLinkId.get(linkId);
        return caseNo == null ? null : cases.get(caseNo);
    }

    @Override
    public synchronized List<TrackedCase> findByBatch(String batchNo) {
        List<TrackedCase> found = new ArrayList<>();
        for (TrackedCase c : cases.values()) {
            if (batchNo.equals(c.batchNo())) {
                found.add(c);
            }
        }
        return found;
    }

    @Override
    public synchronized List<TrackedCase> findByTheme(String themeCode) {
        List<TrackedCase> found = new ArrayList<>();
        for (TrackedCase c : cases.values()) {
            if (themeCode.equals(c.themeCode())) {
                found.add(c);
            }
        }
        return found;
    }

    @Override
    public synchronized void addEvaluated(String caseNo, Set<Target> targets) {
        TrackedCase c = cases.get(caseNo);
        if (c != null) {
            Set<Target> evaluated = EnumSet.noneOf(Target.class);
            evaluated.addAll(c.evaluated());
            evaluated.addAll(targets);
            evaluated.retainAll(c.owed());
            cases.put(caseNo, c.toBuilder().evaluated(evaluated).build());
        }
    }

    @Override
    public synchronized List<TrackedCase> open(OffsetDateTime completedBy) {
        List<TrackedCase> found = new ArrayList<>();
        for (TrackedCase c : cases.values()) {
            if (!c.isClosed() && !c.completedAt().isAfter(completedBy)) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparing(TrackedCase::completedAt).thenComparing(TrackedCase::caseNo));
        return found;
    }

    @Override
    public synchronized boolean claimReminder(String caseNo, OffsetDateTime at) {
        TrackedCase c = cases.get(caseNo);
        if (c == null || c.remindedAt() != null) {
            return false;
        }
        cases.put(caseNo, c.toBuilder().remindedAt(at).build());
        return true;
    }

    @Override
    public synchronized boolean claimUnevaluated(String caseNo, OffsetDateTime at) {
        TrackedCase c = cases.get(caseNo);
        if (c == null || c.unevaluatedAt() != null) {
            return false;
        }
        cases.put(caseNo, c.toBuilder().unevaluatedAt(at).build());
        return true;
    }
}
