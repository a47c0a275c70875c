/**
 * Art. 16 as a working process: which completed cases (办结) still owe an evaluation, when to remind their
 * evaluators (24 hours after completion, "可发送短信或致电提醒"), and which become "未评" after the end of the 5th
 * working day.
 *
 * <p>{@link org.haochaping.tracking.EvaluationTracker} is the facade; its state lives in a
 * {@link org.haochaping.tracking.TrackerStore} (in memory here, in a shared database for several instances), so that
 * two instances never send the same reminder or report the same 未评 twice. {@link org.haochaping.tracking.ReminderMessage}
 * writes the SMS text and the call script; {@link org.haochaping.tracking.ReminderLinks} issues and verifies the short,
 * signed, expiring evaluation link that the SMS carries.
 */
package org.haochaping.tracking;
