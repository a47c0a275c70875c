package org.haochaping.tracking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.haochaping.model.Target;

/**
 * Where an {@link EvaluationTracker} keeps its cases. The tracker decides; the store only remembers, and makes
 * the two claims ({@link #claimReminder}, {@link #claimUnevaluated}) atomic, so that instances sharing one store
 * never remind an evaluator twice nor report one case as "未评" twice.
 *
 * <p>Implementations: {@link InMemoryTrackerStore} (one process), and a JDBC store for several instances on one
 * database. Every method is thread-safe.
 */
public interface TrackerStore {

    /**
     * Adds a case, assigning its {@link TrackedCase#linkId()}; a case already tracked is left as it is.
     *
     * @return the case as stored (the earlier one when it was tracked already)
     */
    TrackedCase add(TrackedCase candidate);

    /** The case, or {@code null} when it is not tracked. */
    TrackedCase find(String caseNo);

    /** The case whose reminder link carries {@code linkId}, or {@code null}. */
    TrackedCase findByLinkId(long linkId);

    /** The tracked cases of a batch (Art. 12). */
    List<TrackedCase> findByBatch(String batchNo);

    /** The tracked cases of a theme (Art. 14). */
    List<TrackedCase> findByTheme(String themeCode);

    /** Adds {@code targets} to the evaluated targets of the case; nothing when it is not tracked. */
    void addEvaluated(String caseNo, Set<Target> targets);

    /**
     * The cases that are not closed (neither evaluated nor marked "未评") and were completed at or before
     * {@code completedBy}, in order of completion.
     */
    List<TrackedCase> open(OffsetDateTime completedBy);

    /** Records the reminder of the case if none was recorded yet; {@code true} for the one caller that did. */
    boolean claimReminder(String caseNo, OffsetDateTime at);

    /** Marks the case "未评" if it was not yet; {@code true} for the one caller that did. */
    boolean claimUnevaluated(String caseNo, OffsetDateTime at);
}
