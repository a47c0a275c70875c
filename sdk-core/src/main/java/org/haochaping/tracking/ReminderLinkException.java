package org.haochaping.tracking;

import org.haochaping.HcpException;

/** A reminder link that must not be followed, and why. The message never repeats the token. */
public class ReminderLinkException extends HcpException {

    private static final long serialVersionUID = 1L;

    /** Why a link was refused. */
    public enum Reason {
        /** Not a token of this format (length, alphabet, version). */
        MALFORMED,
        /** The signature does not verify under any of the keys. */
        BAD_SIGNATURE,
        /** The evaluation window it was issued for has ended (Art. 16). */
        EXPIRED
    }

    private final Reason reason;

    public ReminderLinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
