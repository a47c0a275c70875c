package org.haochaping.conformance.simulator;

/**
 * The number of the request the current thread is serving (WireMock serves each request on one thread), so that
 * what the platform records deep inside (a refused record) can name the request it came with without every layer
 * passing it along. 0 outside a request.
 */
final class CurrentRequest {

    private static final ThreadLocal<Long> SEQUENCE = new ThreadLocal<>();

    private CurrentRequest() {
    }

    static long sequence() {
        Long s = SEQUENCE.get();
        return s == null ? 0 : s;
    }

    /** Runs {@code work} as request {@code sequence}. */
    static <T> T serving(long sequence, java.util.function.Supplier<T> work) {
        Long outer = SEQUENCE.get();
        SEQUENCE.set(sequence);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                SEQUENCE.remove();
            } else {
                SEQUENCE.set(outer);
            }
        }
    }
}
