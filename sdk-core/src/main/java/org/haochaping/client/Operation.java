package org.haochaping.client;

import org.haochaping.transport.TransportResponse;

import java.util.function.Function;

/** One operation of the client: the call to make and how to read its verified response. */
final class Operation<T> {

    final PlatformCall call;
    private final Function<TransportResponse, T> reader;

    Operation(PlatformCall call, Function<TransportResponse, T> reader) {
        this.call = call;
        this.reader = reader;
    }

    /** Reads a response that has verified; a response that cannot be read is a {@link MalformedResponseException}. */
    T read(TransportResponse verified) {
        return reader.apply(verified);
    }
}
