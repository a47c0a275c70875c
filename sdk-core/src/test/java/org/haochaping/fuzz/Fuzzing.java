package org.haochaping.fuzz;

/**
 * The rule every fuzz target applies: a parser given outside bytes either returns or throws one of its documented,
 * typed exceptions. Anything else (a NullPointerException, an IndexOutOfBoundsException, an OutOfMemoryError, a
 * Jackson or Bouncy Castle exception leaking through) escapes and is a finding. The allowed types per parser are
 * listed in {@code docs/security.md}, "Fuzzing".
 */
final class Fuzzing {

    private Fuzzing() {
    }

    interface Target {
        void run() throws Exception;
    }

    @SafeVarargs
    static void expect(Target target, Class<? extends Throwable>... documented) throws Exception {
        try {
            target.run();
        } catch (Exception thrown) {
            for (Class<? extends Throwable> type : documented) {
                if (type.isInstance(thrown)) {
                    return;
                }
            }
            throw thrown;
        }
    }
}
