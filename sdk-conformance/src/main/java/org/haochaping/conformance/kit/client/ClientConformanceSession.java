package org.haochaping.conformance.kit.client;

import java.util.ArrayList;
import java.util.List;

import org.haochaping.conformance.simulator.FaultSchedule;
import org.haochaping.conformance.simulator.Observations;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * A client conformance run: the kit plays the central platform (the simulator in strict mode, one registered
 * app), the integrator's system performs the {@link #scenarios()} against {@link #baseUrl()}, and
 * {@link #evaluate()} judges what the platform observed. {@code hcp conformance client} drives one from the
 * command line; tests drive one in-process:
 *
 * <pre>{@code
 * try (ClientConformanceSession session = ClientConformanceSession.builder()
 *         .app("my-app", keyId, publicKey).start()) {
 *     // point the system at session.baseUrl(), verify responses with session.platformPublicKey()
 *     ClientConformanceReport report = session.evaluate();
 * }
 * }</pre>
 */
public final class ClientConformanceSession implements AutoCloseable {

    private final SimulatedPlatform platform;
    private final String appId;
    private final String appKeyId;
    private final List<ClientScenario> scenarios;
    private final FaultSchedule faults;
    private final Profile profile;
    private final String appMark;
    private final String appWord;

    /** Which report style the system under test speaks (interface-spec 1.7, 4, 5.7). */
    public enum Profile {
        /** The unified interface: signed requests, every scenario including the work orders (the default). */
        UNIFIED,
        /** The national report style: the submission scenarios in the national envelope. */
        NATIONAL,
        /** Both: every unified scenario and every national one. */
        BOTH
    }

    private ClientConformanceSession(SimulatedPlatform platform, Builder b, FaultSchedule faults) {
        this.platform = platform;
        this.appId = b.appId;
        this.appKeyId = b.appKeyId;
        this.faults = faults;
        this.profile = b.profile;
        this.appMark = b.appMark;
        this.appWord = b.appWord;
        List<ClientScenario> all = new ArrayList<>();
        if (profile != Profile.NATIONAL) {
            all.addAll(ClientScenario.all());
        }
        if (profile != Profile.UNIFIED) {
            all.addAll(ClientScenario.national());
        }
        this.scenarios = List.copyOf(all);
    }

    public Profile profile() {
        return profile;
    }

    /** The national sender ({@code appMark}) the platform accepts envelopes of; {@code null} for the unified profile. */
    public String appMark() {
        return appMark;
    }

    /** The national sender's {@code appWord} (its shared secret: give it to the system under test only). */
    public String appWord() {
        return appWord;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}, where the client sends its requests. */
    public String baseUrl() {
        return platform.baseUrl();
    }

    public int port() {
        return platform.port();
    }

    public String appId() {
        return appId;
    }

    public String appKeyId() {
        return appKeyId;
    }

    /** The key that verifies every response of the platform. */
    public PublicKeyMaterial platformPublicKey() {
        return platform.platformPublicKey();
    }

    public String platformKeyId() {
        return platform.platformKeyId();
    }

    /** The scenarios to perform, in the order the report lists them. */
    public List<ClientScenario> scenarios() {
        return scenarios;
    }

    /** The faults the kit injects, in order (each into the next new write); empty when faults are off. */
    public List<FaultSchedule.Step> faults() {
        return faults == null ? List.of() : faults.steps();
    }

    /** The verdicts on everything observed so far; can be called any number of times while serving. */
    public ClientConformanceReport evaluate() {
        Observations o = platform.observations();
        List<ClientResult> s = new ArrayList<>();
        for (ClientScenario scenario : scenarios) {
            s.add(scenario.judge(o));
        }
        List<ClientResult> c = new ArrayList<>();
        for (RequestCheck check : RequestCheck.values()) {
            c.add(check.judge(o));
        }
        List<ClientResult> f = FaultVerdicts.judge(faults(), o);
        return new ClientConformanceReport(s, f, c, o.requests().size());
    }

    public boolean isRunning() {
        return platform.isRunning();
    }

    /**
     * Waits until the request being served (if any) has its answer written, at most {@code limit}: call before
     * {@link #stop()} so the client is not cut off mid-answer. Returns whether no request is in flight.
     */
    public boolean awaitIdle(java.time.Duration limit) throws InterruptedException {
        return platform.awaitIdle(limit);
    }

    /** Stops serving; {@link #evaluate()} still answers afterwards. */
    public void stop() {
        platform.stop();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "ClientConformanceSession[" + platform + ", app " + appId + "]";
    }

    /** Options of a session: the port, the platform key and the app the client signs as. */
    public static final class Builder {
        private final SimulatedPlatform.Builder platform = SimulatedPlatform.builder().strict(true);
        private String appId;
        private String appKeyId;
        private boolean faults = true;
        private Profile profile = Profile.UNIFIED;
        private String appMark;
        private String appWord;

        private Builder() {
        }

        /** The report style to judge; default {@link Profile#UNIFIED}. */
        public Builder profile(Profile profile) {
            this.profile = java.util.Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * The national sender for {@link Profile#NATIONAL} and {@link Profile#BOTH}: its {@code appMark} and
         * {@code appWord}; default the app id and a fresh random word.
         */
        public Builder nationalApp(String appMark, String appWord) {
            if (appMark == null || appMark.isEmpty() || appWord == null || appWord.isEmpty()) {
                throw new IllegalArgumentException("appMark and appWord are required");
            }
            this.appMark = appMark;
            this.appWord = appWord;
            return this;
        }

        /**
         * Whether the platform injects the faults of {@link FaultSchedule#standard()} (503, 429, a lost response, a
         * reset, a wrongly signed and an altered response) into the first new unified writes, and, for the national
         * profile, those of {@link FaultSchedule#national()} (the same, with answers that do not answer every record
         * sent in place of the signature faults) into the first new national envelopes; default {@code true}.
         */
        public Builder faults(boolean faults) {
            this.faults = faults;
            return this;
        }

        /**
         * The platform's clock: signature windows, the rules' "now" (no evaluation from the future, Art. 16 lateness),
         * work-order times; default the system clock. A clock that runs on from a fixed instant
         * ({@code Clock.offset(Clock.systemUTC(), ...)}) makes a session independent of the date it runs on; the
         * client must then sign on the same clock.
         */
        public Builder clock(java.time.Clock clock) {
            platform.clock(clock);
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            platform.port(port);
            return this;
        }

        /** The address to listen on; default {@value SimulatedPlatform#LOOPBACK}. */
        public Builder bindAddress(String address) {
            platform.bindAddress(address);
            return this;
        }

        /** The platform's SM2 key that signs the responses; default a fresh one. */
        public Builder platformKey(PrivateKeyMaterial key) {
            platform.platformKey(key);
            return this;
        }

        /** The app under test: its id, the key id it signs under and its public key (SM2 or ECDSA P-256). */
        public Builder app(String appId, String keyId, PublicKeyMaterial publicKey) {
            platform.registerApp(appId, keyId, publicKey);
            this.appId = appId;
            this.appKeyId = keyId;
            return this;
        }

        /**
         * Starts serving.
         *
         * @throws IllegalStateException when no app is registered or the port cannot be bound
         */
        public ClientConformanceSession start() {
            if (appId == null) {
                throw new IllegalStateException("register the app under test with app(appId, keyId, publicKey)");
            }
            if (profile != Profile.UNIFIED) {
                if (appMark == null) {
                    appMark = appId;
                    appWord = java.util.HexFormat.of().formatHex(randomBytes());
                }
                platform.registerNationalApp(appMark, appWord);
            } else {
                appMark = null;
                appWord = null;
            }
            // Each style's faults hit its own writes: unified writes, national envelopes (re-sealed per attempt).
            FaultSchedule schedule = !faults ? null : profile == Profile.UNIFIED ? FaultSchedule.standard()
                    : profile == Profile.NATIONAL ? FaultSchedule.national() : FaultSchedule.both();
            return new ClientConformanceSession(platform.faultSchedule(schedule).start(), this, schedule);
        }

        private static byte[] randomBytes() {
            byte[] b = new byte[12];
            new java.security.SecureRandom().nextBytes(b);
            return b;
        }
    }
}
