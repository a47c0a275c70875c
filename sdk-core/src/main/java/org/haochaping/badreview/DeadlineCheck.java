package org.haochaping.badreview;

import java.time.OffsetDateTime;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.deadline.Deadline;

/** One deadline of a work order, checked at a moment: its status and, when fulfilled, when. Immutable. */
public final class DeadlineCheck {

    private final Deadline deadline;
    private final DeadlineStatus status;
    private final OffsetDateTime fulfilledAt;

    DeadlineCheck(Deadline deadline, DeadlineStatus status, OffsetDateTime fulfilledAt) {
        this.deadline = deadline;
        this.status = status;
        this.fulfilledAt = fulfilledAt;
    }

    public Deadline deadline() {
        return deadline;
    }

    public DeadlineStatus status() {
        return status;
    }

    /** When the event that fulfilled it happened; {@code null} unless {@code MET} or {@code MET_LATE}. */
    public OffsetDateTime fulfilledAt() {
        return fulfilledAt;
    }

    @Override
    public String toString() {
        return deadline + ": " + status + (fulfilledAt == null ? "" : " at " + ShanghaiTime.format(fulfilledAt));
    }
}
