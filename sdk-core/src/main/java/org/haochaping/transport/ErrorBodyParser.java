package org.haochaping.transport;

import java.util.Optional;

/**
 * Reads the platform's error code and message from a non-2xx response. Pluggable because each wire
 * profile words its errors differently; the transport's default finds nothing. A parser that throws is
 * treated as finding nothing.
 */
@FunctionalInterface
public interface ErrorBodyParser {

    /** An error parser that never finds a code. */
    ErrorBodyParser NONE = response -> Optional.empty();

    Optional<PlatformError> parse(TransportResponse response);
}
