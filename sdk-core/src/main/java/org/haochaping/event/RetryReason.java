package org.haochaping.event;

/** Why an attempt is sent again (interface-spec 5.1, "Retries"). */
public enum RetryReason {
    /** No response: connection refused or reset, DNS, timeout. */
    CONNECTION_FAILURE,
    /** HTTP 5xx. */
    SERVER_ERROR,
    /** HTTP 429. */
    TOO_MANY_REQUESTS,
    /** A response whose signature, timestamp or nonce does not verify is no answer; a write is sent again under the
     *  same idempotency key. */
    UNVERIFIED_RESPONSE;

    /** The reason for an HTTP status the transport retries. */
    public static RetryReason ofStatus(int statusCode) {
        return statusCode == 429 ? TOO_MANY_REQUESTS : SERVER_ERROR;
    }
}
