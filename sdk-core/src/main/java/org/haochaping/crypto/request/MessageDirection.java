package org.haochaping.crypto.request;

import org.haochaping.InternalApi;

/**
 * Which way a signed message travels; part of the canonical string so that a response signature can
 * never be replayed as a request (or a callback) and back.
 */
@InternalApi
public enum MessageDirection {
    /** A request: the SDK calling the platform, or the platform calling back (callback, notification). */
    REQUEST,
    /** A response to a request; its canonical string names the request's method, path and query. */
    RESPONSE
}
