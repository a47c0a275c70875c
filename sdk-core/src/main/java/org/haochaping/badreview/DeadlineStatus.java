package org.haochaping.badreview;

/** How a work order stands against one of its deadlines at a given moment. */
public enum DeadlineStatus {
    /** Not yet fulfilled, still within time. */
    OPEN,
    /** Fulfilled on time. */
    MET,
    /** Fulfilled, but after the deadline. */
    MET_LATE,
    /** Not fulfilled and the deadline has passed. */
    OVERDUE,
    /** An option not taken: the appeal period (Art. 21) passed, or handling moved on, without an appeal. */
    LAPSED
}
