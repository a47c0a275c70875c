package org.haochaping.conformance.kit;

import org.haochaping.crypto.request.InMemoryReplayGuard;
import org.haochaping.crypto.request.ReplayGuard;

/** The SDK's {@link InMemoryReplayGuard} passes the replay guard contract (a fresh guard per test). */
class SdkReplayGuardContractTest implements ReplayGuardContract {

    private final InMemoryReplayGuard guard = new InMemoryReplayGuard(2000);

    @Override
    public ReplayGuard guard() {
        return guard;
    }
}
