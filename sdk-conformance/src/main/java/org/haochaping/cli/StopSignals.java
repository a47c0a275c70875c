package org.haochaping.cli;

import java.util.ArrayList;
import java.util.List;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, for the commands that serve until stopped: instead of the JVM's
 * default (run the shutdown hooks and exit 130 or 143 whatever the result), the command finishes its work, writes
 * its report and exits with the code of its result. {@code sun.misc.Signal} (module jdk.unsupported) is the only
 * way the JDK offers; where it is unavailable, the default stays and the shutdown hook still writes the report.
 */
final class StopSignals {

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {
    }

    static StopSignals install(Runnable onStop) {
        StopSignals s = new StopSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler old = Signal.handle(signal, sig -> onStop.run());
                s.signals.add(signal);
                s.previous.add(old);
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                // not on this platform or already taken by the VM (-Xrs): keep the default
            }
        }
        return s;
    }

    /** Puts the previous handlers back. */
    void restore() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
