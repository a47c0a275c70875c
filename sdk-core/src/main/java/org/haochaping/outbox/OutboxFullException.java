package org.haochaping.outbox;

/**
 * The outbox held its maximum number of records or bytes for the whole submit timeout: the records
 * waiting to be delivered must drain (the network must come back) before more are accepted. Nothing was
 * stored; the caller decides whether to tell the user, wait and submit again, or keep the data elsewhere.
 */
public final class OutboxFullException extends OutboxException {

    private static final long serialVersionUID = 1L;

    OutboxFullException(String message) {
        super(message);
    }
}
