package org.haochaping.client;

/** What the platform did with one submitted record (interface-spec 5.2, 5.3). */
public enum RecordStatus {
    /** Accepted and counted. */
    ACCEPTED,
    /** A case already known, whose status or times advanced. */
    UPDATED,
    /** Accepted before (same idempotency key, evaluation id, or case, target and visit): not counted again. */
    DUPLICATE,
    /** Refused; the record's violations say why. */
    REJECTED;

    /** Whether the platform holds the record now (accepted now or before). */
    public boolean isHeld() {
        return this != REJECTED;
    }
}
