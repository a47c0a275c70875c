package org.haochaping.crypto.sign;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-free pool of initialised, non-thread-safe Bouncy Castle engines. Initialising an
 * {@code SM2Signer} computes the Z value and (for signing) the public point, which costs about as much
 * as a signature; pooling keeps one initialised engine per concurrent caller. A thread takes an engine,
 * uses it alone and gives it back; an engine that failed mid-use is simply not given back.
 */
final class Pool<T> {

    interface Factory<T> {
        T create();
    }

    private static final int MAX_IDLE = 64;

    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<T>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Factory<T> factory;

    Pool(Factory<T> factory) {
        this.factory = factory;
        give(factory.create());
    }

    T take() {
        T engine = idle.poll();
        if (engine == null) {
            return factory.create();
        }
        idleCount.decrementAndGet();
        return engine;
    }

    void give(T engine) {
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offer(engine);
        } else {
            idleCount.decrementAndGet();
        }
    }
}
