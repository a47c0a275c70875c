package org.haochaping.client;

import org.haochaping.HcpException;

/**
 * A platform response that verified but cannot be read: not JSON, not the envelope of interface-spec 5.1, or
 * missing what the endpoint promises. The message names the problem, never the body (it may hold personal data).
 */
public class MalformedResponseException extends HcpException {

    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
