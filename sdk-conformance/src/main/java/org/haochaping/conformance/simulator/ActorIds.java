package org.haochaping.conformance.simulator;

import java.util.regex.Pattern;

import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.WorkOrder;

/**
 * The actor ids of docs/interface-spec.md 5.5 ("Actors"): 1-64 characters of {@code A-Z a-z 0-9 . _ : -}, a code and
 * never a person's name (Art. 17); {@code SYSTEM} is the platform's own; and the id each role acts under on an order:
 * the district government its {@code areaCode} (Art. 18), the handling department the department it was dispatched to
 * (before the dispatch no department handles it, and the state machine refuses its actions whatever the id), the 12345
 * hotline {@value #HOTLINE}. Every refusal names {@code actor.id} or {@code actor.role}.
 */
final class ActorIds {

    /** The 12345 hotline's code in Tianjin (Art. 22). */
    static final String HOTLINE = "12345";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private ActorIds() {
    }

    /** The form of an actor in a request body, before any order is looked at: {@code INVALID_REQUEST} otherwise. */
    static void checkForm(Actor actor) {
        if (actor.role() == ActorRole.SYSTEM) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "actor.role SYSTEM is the platform's own and is never "
                    + "sent by a client (interface-spec 5.5, Actors)");
        }
        if (!ID.matcher(actor.id()).matches()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "actor.id must be 1-64 characters of A-Z a-z 0-9 . _ : -, "
                    + "a code and never a person's name (Art. 17; interface-spec 5.5, Actors)");
        }
    }

    /** The id the role acts under on {@code order}: {@code ILLEGAL_TRANSITION} naming {@code actor.id} otherwise. */
    static void checkFor(WorkOrder order, Actor actor) {
        String expected;
        String why;
        switch (actor.role()) {
            case DISTRICT_GOVERNMENT:
                expected = order.areaCode();
                why = "the district government acts under the order's areaCode (Art. 18)";
                break;
            case HANDLING_DEPARTMENT:
                expected = order.handlingDeptCode();
                if (expected == null) {
                    return;   // not dispatched yet: the state machine refuses (Art. 18, 19)
                }
                why = "the handling department acts under the code of the department handling the order (Art. 18-21)";
                break;
            case HOTLINE_12345:
                expected = HOTLINE;
                why = "the 12345 hotline acts under its code (Art. 22)";
                break;
            default:
                return;   // REVIEWER: the office deciding reviews, any well-formed code (Art. 21)
        }
        if (!expected.equals(actor.id())) {
            throw new ApiException(ErrorCode.ILLEGAL_TRANSITION, "actor.id " + actor.id() + " is not the id of "
                    + actor.role() + " on work order " + order.orderNo() + ": " + why + ", here " + expected
                    + " (interface-spec 5.5, Actors)");
        }
    }
}
