package org.haochaping.outbox;

import org.haochaping.HcpException;

/** A failure of the durable outbox. */
public class OutboxException extends HcpException {

    private static final long serialVersionUID = 1L;

    OutboxException(String message) {
        super(message);
    }

    OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
