package org.haochaping.conformance.simulator;

import org.haochaping.rules.EvaluationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.haochaping.badreview.BadReviewWorkflow;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.envelope.EnvelopeOpener;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.sign.EcdsaP256Verifier;
import org.haochaping.crypto.sign.KeyIds;
import org.haochaping.crypto.sign.SignatureEncoding;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.deadline.DeadlineCalculator;

/**
 * A simulated central 好差评 platform on a local HTTP port, built on WireMock: it serves the endpoints of
 * docs/interface-spec.md section 5, verifies request signatures, checks every record with the SDK's rules,
 * de-duplicates by idempotency key and by (case, target, visit), opens a work order for every accepted 差评
 * (Art. 18) and injects faults on demand. See docs/simulator.md.
 *
 * <pre>{@code
 * try (SimulatedPlatform platform = SimulatedPlatform.start()) {
 *     AppCredentials app = platform.newApp("demo-app");
 *     // point the client at platform.baseUrl(), sign with app.signer(),
 *     // verify responses with platform.platformPublicKey() under platform.platformKeyId()
 *     platform.faults().failNext(2, 503);
 *     ...
 *     assertEquals(1, platform.observations().countedEvaluations());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Stop it with {@link #stop()} or try-with-resources.
 */
public final class SimulatedPlatform implements AutoCloseable {

    /** The default bind address: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    private final WireMockServer server;
    private final String host;
    private final PrivateKeyMaterial platformKey;
    private final String platformKeyId;
    private final AppRegistry apps;
    private final NationalEndpoint national;
    private final CentralPlatform core;
    private final PlatformHttp http;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final FaultSchedule schedule;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final Observations observations;

    private SimulatedPlatform(Builder b) {
        Wiring w = new Wiring(b);
        this.platformKey = w.platformKey;
        this.platformKeyId = w.platformKeyId;
        this.core = w.core;
        this.apps = w.apps;
        this.national = w.national;
        this.http = w.http;
        this.schedule = b.faultSchedule;
        this.observations = new Observations(core, log, schedule);
        this.host = b.bindAddress;
        this.server = new WireMockServer(WireMockConfiguration.options()
                .port(b.port)
                .bindAddress(b.bindAddress)
                .jettyAcceptors(1)
                // HTTP/1.1 only: what the SDK's OkHttp speaks over plain HTTP, and where connection faults are exact.
                .http2PlainDisabled(true)
                .extensions(new PlatformTransformer(http, faults, log, schedule, w.tampering, observations,
                        b.observationsFile == null ? null : new ObservationsFile(b.observationsFile)), new StubHeaderFilter(),
                        inFlight, new GuardedHttpServerFactory(b.maxBodyBytes))
                .disableRequestJournal()
                // WireMock's admin API (/__admin) could remove the catch-all stub or reset state: closed to everyone.
                .adminAuthenticator(request -> false)
                .gzipDisabled(true));
    }

    /** Starts a simulator on a free port of {@value #LOOPBACK} with a fresh platform key and no apps. */
    public static SimulatedPlatform start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    private SimulatedPlatform serve() {
        try {
            server.start();
        } catch (RuntimeException e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // WireMock's stop of a server that never started throws (even checked exceptions): nothing to release
            }
            throw new IllegalStateException("the simulated platform cannot start on " + host + ": " + e.getMessage(), e);
        }
        server.addStubMapping(catchAllStub());
        return this;
    }

    /**
     * The one stub the simulator registers: any method, any path, answered by the platform transformer. The
     * standalone export ({@link StandaloneExport}) writes exactly this stub as {@code mappings/*.json}.
     */
    static StubMapping catchAllStub() {
        return WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withTransformers(PlatformTransformer.NAME))
                .build();
    }

    /**
     * The platform behind a WireMock started elsewhere (the standalone server): its transformer, wired from
     * {@code b} like {@link Builder#start()} wires it, without a server of its own. Its fault schedule applies; its
     * observations are reachable through the builder's observations file only; the port and bind address are unused.
     */
    static PlatformTransformer transformerFor(Builder b) {
        Wiring w = new Wiring(b);
        RequestLog log = new RequestLog();
        return new PlatformTransformer(w.http, new Faults(), log, b.faultSchedule, w.tampering,
                new Observations(w.core, log, b.faultSchedule),
                b.observationsFile == null ? null : new ObservationsFile(b.observationsFile));
    }

    /** {@code http://127.0.0.1:PORT}: the base URL of the interface; endpoint paths start with {@code /v1/}. */
    public String baseUrl() {
        String h = "0.0.0.0".equals(host) ? LOOPBACK : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The public key that verifies every response (and that national envelopes are sealed to). */
    public PublicKeyMaterial platformPublicKey() {
        return platformKey.publicKey();
    }

    /** The key id in the responses' {@code X-Hcp-Key-Id}. */
    public String platformKeyId() {
        return platformKeyId;
    }

    /** Accepts requests of {@code appId} signed with SM2 (or ECDSA P-256) {@code publicKey} under {@code keyId}. */
    public void registerApp(String appId, String keyId, PublicKeyMaterial publicKey) {
        apps.register(appId, verifierFor(keyId, publicKey));
    }

    /** Accepts requests of {@code appId} that {@code verifier} verifies (any algorithm of the signing profile). */
    public void registerApp(String appId, Verifier verifier) {
        apps.register(appId, verifier);
    }

    /** Generates an SM2 key pair, registers {@code appId} with it (key id: the key's default) and returns both. */
    public AppCredentials newApp(String appId) {
        KeyIds.require(appId);
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        AppCredentials app = new AppCredentials(appId, key.publicKey().defaultKeyId(), key);
        registerApp(appId, app.keyId(), app.publicKey());
        return app;
    }

    /** Accepts national envelopes of {@code appMark} whose {@code sign} holds {@code appWord}. */
    public void registerNationalApp(String appMark, String appWord) {
        national.registerApp(appMark, appWord);
    }

    /** The faults to inject into the next requests. */
    public Faults faults() {
        return faults;
    }

    /** What the platform received and holds. */
    public Observations observations() {
        return observations;
    }

    /**
     * Forgets cases, evaluations, work orders, idempotency keys, observed requests and pending faults, and
     * numbers from 1 again; apps, keys and the nonce memory stay.
     */
    public void reset() {
        core.reset();
        http.reset();
        log.clear();
        faults.clear();
        if (schedule != null) {
            schedule.reset();
        }
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Waits until no request is being served (its response written), at most {@code limit}; returns whether none
     * is. Used to stop a session without cutting off an answer.
     */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        return inFlight.awaitIdle(limit);
    }

    /** Stops serving; the port is free when this returns. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "SimulatedPlatform[" + (server.isRunning() ? baseUrl() : "stopped") + ", platform key " + platformKeyId + "]";
    }

    static Verifier verifierFor(String keyId, PublicKeyMaterial publicKey) {
        KeyIds.require(keyId);
        if (publicKey == null) {
            throw new IllegalArgumentException("public key is null");
        }
        if (publicKey.algorithm() == KeyAlgorithm.SM2) {
            return Sm2Verifier.builder().key(keyId, publicKey).build();
        }
        if (publicKey.algorithm() == KeyAlgorithm.EC_P256) {
            EcdsaP256Verifier v = new EcdsaP256Verifier(SignatureEncoding.DER);
            v.addKey(keyId, publicKey);
            return v;
        }
        throw new IllegalArgumentException("register an " + publicKey.algorithm() + " key with registerApp(appId, verifier), "
                + "naming its padding (RsaVerifier: PKCS#1 v1.5 or PSS)");
    }

    /** The platform's parts (keys, apps, rules, HTTP handling) built from a builder, shared with the standalone export. */
    private static final class Wiring {
        final PrivateKeyMaterial platformKey;
        final String platformKeyId;
        final CentralPlatform core;
        final AppRegistry apps;
        final NationalEndpoint national;
        final PlatformHttp http;
        final ResponseTampering tampering;

        Wiring(Builder b) {
            // Millisecond precision on the wire both ways (interface-spec 1.1): the platform stamps its own events
            // at the millisecond too, so an "at" it echoes can be sent back and compared exactly.
            Clock millis = Clock.tick(b.clock, Duration.ofMillis(1));
            this.platformKey = b.platformKey != null ? b.platformKey : PrivateKeyMaterial.generateSm2();
            this.platformKeyId = b.platformKeyId != null ? b.platformKeyId : platformKey.publicKey().defaultKeyId();
            // provisional beyond the bundled arrangements (statutory holidays and weekends), like the SDK's default
            WorkingDayCalendar calendar = b.calendar != null ? b.calendar : WorkingDayCalendar.official();
            this.core = new CentralPlatform(millis, new BadReviewWorkflow(new DeadlineCalculator(calendar)));
            // The same rules as the SDK, on the platform's clock (future evaluations) and calendar (Art. 16).
            EvaluationPolicy policy = EvaluationPolicy.standard().withClock(millis).withCalendar(calendar);
            this.apps = new AppRegistry(b.clock, b.allowedSkew);
            for (Map.Entry<String, Verifier> app : b.apps.entrySet()) {
                apps.register(app.getKey(), app.getValue());
            }
            EnvelopeOpener.Builder opener = EnvelopeOpener.builder(platformKey).clock(b.clock).allowedSkew(b.allowedSkew);
            for (Map.Entry<String, String> app : b.nationalApps.entrySet()) {
                opener.app(app.getKey(), app.getValue());
            }
            this.national = new NationalEndpoint(opener.build(),
                    org.haochaping.crypto.cipher.Sm2Decryptor.of(platformKey,
                            org.haochaping.crypto.cipher.Sm2CiphertextLayout.C1C3C2), core, policy);
            this.tampering = new ResponseTampering(b.clock, platformKeyId);
            MessageSigner responseSigner = MessageSigner.builder(Sm2Signer.builder(platformKey).keyId(platformKeyId).build())
                    .clock(b.clock).build();
            this.http = new PlatformHttp(b.clock, b.strict, apps,
                    new Endpoints(core, new WorkOrderRequests(millis, b.allowedSkew), policy), national, responseSigner);
        }
    }

    /** Options of a {@link SimulatedPlatform}. */
    public static final class Builder {
        private int port;
        private String bindAddress = LOOPBACK;
        private PrivateKeyMaterial platformKey;
        private String platformKeyId;
        private final Map<String, Verifier> apps = new LinkedHashMap<>();
        private final Map<String, String> nationalApps = new LinkedHashMap<>();
        private boolean strict = true;
        private Clock clock = Clock.systemUTC();
        private Duration allowedSkew = MessageVerifier.DEFAULT_ALLOWED_SKEW;
        private WorkingDayCalendar calendar;
        private FaultSchedule faultSchedule;
        private long maxBodyBytes = GuardedHttpServerFactory.DEFAULT_MAX_BODY_BYTES;
        private java.nio.file.Path observationsFile;

        private Builder() {
        }

        /**
         * Writes the observations (faults injected and what followed, attempts per idempotency key, re-keyed retries,
         * writes counted twice, every request) as JSON to {@code file} after every request, replacing it atomically
         * (docs/simulator.md, "Faults and observations from the command line"); {@code null} (the default) for no
         * file.
         */
        public Builder observationsFile(java.nio.file.Path file) {
            this.observationsFile = file;
            return this;
        }

        /**
         * Injects the faults of {@code schedule} into the first new writes (as the conformance kit does), on top of
         * those asked for with {@link SimulatedPlatform#faults()}; {@code null} (the default) for none.
         */
        public Builder faultSchedule(FaultSchedule schedule) {
            this.faultSchedule = schedule;
            return this;
        }

        /**
         * The largest request body served; default 1 MiB. A larger one is refused with 413 before it is buffered, so
         * one oversized POST cannot exhaust the simulator's memory (docs/security.md, "Network limits").
         */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The port; 0 (the default) picks a free one, which {@link SimulatedPlatform#port()} tells. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /** The address to listen on; default {@value SimulatedPlatform#LOOPBACK} (this machine only). */
        public Builder bindAddress(String bindAddress) {
            if (bindAddress == null || bindAddress.trim().isEmpty()) {
                throw new IllegalArgumentException("bind address is required");
            }
            this.bindAddress = bindAddress.trim();
            return this;
        }

        /** The platform's SM2 key (signs responses, opens national envelopes); default a fresh one per start. */
        public Builder platformKey(PrivateKeyMaterial key) {
            return platformKey(key, null);
        }

        /** The platform's SM2 key and its key id ({@code null}: the key's default id). */
        public Builder platformKey(PrivateKeyMaterial key, String keyId) {
            if (key == null || key.algorithm() != KeyAlgorithm.SM2) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "the platform key must be an SM2 private key");
            }
            this.platformKey = key;
            this.platformKeyId = keyId == null ? null : KeyIds.require(keyId);
            return this;
        }

        /** Registers an app whose requests are signed with SM2 (or ECDSA P-256) {@code publicKey} under {@code keyId}. */
        public Builder registerApp(String appId, String keyId, PublicKeyMaterial publicKey) {
            apps.put(KeyIds.require(appId), verifierFor(keyId, publicKey));
            return this;
        }

        /** Registers an app whose requests {@code verifier} checks (RSA, HMAC, several keys during a rotation). */
        public Builder registerApp(String appId, Verifier verifier) {
            if (verifier == null) {
                throw new IllegalArgumentException("verifier is null");
            }
            apps.put(KeyIds.require(appId), verifier);
            return this;
        }

        /** Registers a sender of national envelopes (5.7). */
        public Builder registerNationalApp(String appMark, String appWord) {
            if (appMark == null || appWord == null || appWord.isEmpty()) {
                throw new IllegalArgumentException("appMark and appWord are required");
            }
            nationalApps.put(appMark, appWord);
            return this;
        }

        /**
         * {@code true} (the default): requests must be signed by a registered app, writes must carry
         * {@code Idempotency-Key} and {@code Content-Type: application/json}. {@code false}: none of that is
         * checked (a client under construction can talk to it before it signs); responses are still signed.
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** The platform's clock: signature windows, idempotency retention, work-order times. Default UTC system clock. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock is null");
            }
            this.clock = clock;
            return this;
        }

        /** How far request timestamps (and envelope times) may be from the clock; default 5 minutes. */
        public Builder allowedSkew(Duration allowedSkew) {
            if (allowedSkew == null || allowedSkew.getSeconds() < 1) {
                throw new IllegalArgumentException("allowed skew must be at least one second");
            }
            this.allowedSkew = allowedSkew;
            return this;
        }

        /**
         * The working-day calendar of the work-order deadlines (Art. 20, 21); default the bundled official one,
         * counting weekends only for years it does not cover (so the simulator keeps working past 2026).
         */
        public Builder calendar(WorkingDayCalendar calendar) {
            if (calendar == null) {
                throw new IllegalArgumentException("calendar is null");
            }
            this.calendar = calendar;
            return this;
        }

        /** Starts serving. */
        public SimulatedPlatform start() {
            return new SimulatedPlatform(this).serve();
        }
    }
}
