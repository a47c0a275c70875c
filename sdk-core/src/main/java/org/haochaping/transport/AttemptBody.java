package org.haochaping.transport;

/**
 * A body made anew for every attempt of a request from the request's stored bytes: the national envelope
 * (interface-spec 5.7) carries its own time and a randomised {@code sign} that the platform accepts once, so an
 * envelope sealed for the first attempt is refused on any later one. Computed before the attempt's headers, which
 * are then computed over the bytes this returns.
 */
@FunctionalInterface
public interface AttemptBody {

    /**
     * @param body the request's stored body bytes; not to be modified
     * @return the bytes to send on this attempt
     */
    byte[] forAttempt(byte[] body);
}
