package org.haochaping.conformance.kit;

/**
 * What an implementation did with one vector case.
 *
 * @param vectorCase the case
 * @param actual     what the implementation did, in the file's terms ({@code valid}/{@code invalid}, with detail)
 * @param passed     whether that is what the case expects
 * @param reason     why it failed (empty when it passed)
 */
public record CaseResult(VectorCase vectorCase, String actual, boolean passed, String reason) {

    static CaseResult pass(VectorCase c, String actual) {
        return new CaseResult(c, actual, true, "");
    }

    static CaseResult fail(VectorCase c, String actual, String reason) {
        return new CaseResult(c, actual, false, reason);
    }

    static CaseResult threw(VectorCase c, Exception e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return c.expectsValid()
                ? fail(c, "invalid (threw " + what + ")", "expected valid, but the implementation threw " + what)
                : pass(c, "invalid (threw " + what + ")");
    }

    /** The result of an accept/refuse answer. */
    static CaseResult of(VectorCase c, boolean accepted, String acceptedText, String refusedText) {
        String actual = accepted ? "valid" : "invalid";
        if (accepted == c.expectsValid()) {
            return pass(c, actual);
        }
        return fail(c, actual, "expected " + c.expected() + ", but " + (accepted ? acceptedText : refusedText));
    }
}
