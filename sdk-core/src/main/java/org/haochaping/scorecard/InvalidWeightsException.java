package org.haochaping.scorecard;

import org.haochaping.HcpException;

/** Scorecard weights that are not four non-negative percentages summing to 100 (Art. 23). */
public final class InvalidWeightsException extends HcpException {

    InvalidWeightsException(String problem) {
        super(problem + " (Art. 23: the four weights are percentages that sum to 100, e.g. 30,15,30,25)");
    }
}
