package org.haochaping.conformance.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.SignatureHeaders;
import org.haochaping.crypto.sign.KeyIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP semantics of the unified interface (docs/interface-spec.md, 5.1), independent of the server:
 * authentication, {@code Content-Type}, idempotency keys, the response envelope and the response signature.
 * Thread-safe. Writes are processed one at a time (with their idempotency look-up), so that counts are exact
 * and a retry that arrives while its first attempt is processed gets that attempt's response.
 */
final class PlatformHttp {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final String RETRY_AFTER = "Retry-After";
    static final String JSON_UTF8 = "application/json; charset=utf-8";
    /** The app id a response is signed for when the request named none that is well-formed. */
    static final String NO_APP = "-";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformHttp.class);

    private final Clock clock;
    private final boolean strict;
    private final AppRegistry apps;
    private final Endpoints endpoints;
    private final NationalEndpoint national;
    private final MessageSigner responseSigner;
    private final IdempotencyStore idempotency = new IdempotencyStore();
    private final Object writeLock = new Object();

    PlatformHttp(Clock clock, boolean strict, AppRegistry apps, Endpoints endpoints, NationalEndpoint national,
            MessageSigner responseSigner) {
        this.clock = clock;
        this.strict = strict;
        this.apps = apps;
        this.endpoints = endpoints;
        this.national = national;
        this.responseSigner = responseSigner;
    }

    SimResponse handle(SimRequest r) {
        if (NationalEndpoint.PATH.equals(r.path)) {
            return national.handle(r);
        }
        String named = namedApp(r);
        String key = r.header(IDEMPOTENCY_KEY);
        try {
            String appId = strict ? apps.authenticate(r) : named != null ? named : "anonymous";
            if (!"POST".equals(r.method)) {
                return respond(r, appId, process(r, appId), false);
            }
            if (strict) {
                requireJsonContent(r);
            }
            if (key == null || key.isEmpty()) {
                if (strict) {
                    throw new ApiException(ErrorCode.INVALID_REQUEST, "header " + IDEMPOTENCY_KEY + " is required on every write (POST)");
                }
                return respond(r, appId, process(r, appId), false);
            }
            if (!IdempotencyStore.VALID_KEY.matcher(key).matches()) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, IDEMPOTENCY_KEY + " must be 1 to 64 characters of A-Z a-z 0-9 _ -");
            }
            return write(r, appId, key);
        } catch (ApiException e) {
            return respond(r, named, Outcome.error(e.code(), e.getMessage()), false);
        }
    }

    /** One write under its idempotency key: the stored response again, a conflict, or processed and stored. */
    private SimResponse write(SimRequest r, String appId, String key) {
        String digest = requestDigest(r);
        synchronized (writeLock) {
            IdempotencyStore.Entry stored = idempotency.find(appId, key, clock.instant());
            if (stored != null) {
                if (!stored.requestDigest.equals(digest)) {
                    throw new ApiException(ErrorCode.IDEMPOTENCY_CONFLICT, IDEMPOTENCY_KEY + " '" + key
                            + "' was already used with another request (method, path or body differ)");
                }
                return signed(r, appId, stored.status, stored.body, stored.code, stored.message, true, null);
            }
            Outcome outcome = process(r, appId);
            byte[] body = envelope(r, outcome);
            if (outcome.code.httpStatus() < 500) {
                idempotency.put(appId, key, new IdempotencyStore.Entry(digest, clock.instant(), outcome.code.httpStatus(),
                        body, outcome.code, outcome.message));
            }
            return signed(r, appId, outcome.code.httpStatus(), body, outcome.code, outcome.message, false, null);
        }
    }

    private Outcome process(SimRequest r, String appId) {
        try {
            return endpoints.route(r, appId);
        } catch (ApiException e) {
            return Outcome.error(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("The simulated platform failed on {} {}", r.method, r.path, e);
            return Outcome.error(ErrorCode.INTERNAL, "the platform failed: " + e.getClass().getSimpleName());
        }
    }

    /** The identity of a national write across its attempts ({@link NationalEndpoint#identify}); {@code null} otherwise. */
    NationalEndpoint.Identity nationalIdentity(SimRequest r) {
        return NationalEndpoint.PATH.equals(r.path) ? national.identify(r) : null;
    }

    /** An injected error (fault injection): the error envelope, signed, nothing processed. */
    SimResponse injectedError(SimRequest r, int status, String message, long retryAfterSeconds) {
        if (NationalEndpoint.PATH.equals(r.path)) {
            return national.injectedError(r, status, message, retryAfterSeconds);
        }
        ErrorCode code = status == 429 ? ErrorCode.RATE_LIMITED : ErrorCode.forServerError(status);
        Outcome outcome = Outcome.error(code, message);
        return signed(r, namedApp(r), status, envelope(r, outcome), code, message, false,
                status == 429 ? Long.toString(retryAfterSeconds) : null);
    }

    private SimResponse respond(SimRequest r, String appId, Outcome outcome, boolean replay) {
        return signed(r, appId, outcome.code.httpStatus(), envelope(r, outcome), outcome.code, outcome.message, replay, null);
    }

    /**
     * Signs in the {@code RESPONSE} direction over the request's method, path, query, nonce and body digest (so the
     * answer cannot stand in for another request's), for the app the request
     * named ({@value #NO_APP} when it named none that is well-formed). A request line that cannot be
     * canonicalised (a bad percent escape) gets an unsigned answer: there is nothing to bind the signature to.
     */
    private SimResponse signed(SimRequest r, String appId, int status, byte[] body, ErrorCode code, String message,
            boolean replay, String retryAfter) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_UTF8);
        if (replay) {
            headers.put(IDEMPOTENT_REPLAYED, "true");
        }
        if (retryAfter != null) {
            headers.put(RETRY_AFTER, retryAfter);
        }
        try {
            headers.putAll(responseSigner.signResponse(appId == null ? NO_APP : appId, r.method, r.path, r.query,
                    r.header(SignatureHeaders.NONCE), r.body, body).asMap());
        } catch (CryptoException | IllegalArgumentException e) {
            LOG.debug("Response to {} {} left unsigned: {}", r.method, r.path, e.getMessage());
        }
        return new SimResponse(status, headers, body, code, message, appId, replay);
    }

    /** {@code {"code": ..., "message": ..., "requestId": ..., "data": ...}}; {@code data} absent when there is none. */
    private static byte[] envelope(SimRequest r, Outcome outcome) {
        ObjectNode o = Json.object();
        o.put("code", outcome.code.name());
        o.put("message", outcome.message);
        o.put("requestId", requestId(r));
        if (outcome.data != null) {
            o.set("data", outcome.data);
        }
        return Json.write(o);
    }

    static String requestId(SimRequest r) {
        return String.format("req-%08d", r.sequence);
    }

    /**
     * 5.1: the media type {@code application/json}; a {@code charset} parameter, when given, must be {@code utf-8}
     * (JSON is UTF-8, RFC 8259), so {@code application/json} alone is as good as with {@code charset=utf-8}.
     */
    private static void requireJsonContent(SimRequest r) {
        String type = r.header("Content-Type");
        String[] parts = type == null ? new String[] {""} : type.split(";");
        boolean ok = "application/json".equalsIgnoreCase(parts[0].trim());
        for (int i = 1; i < parts.length && ok; i++) {
            String[] param = parts[i].split("=", 2);
            if ("charset".equalsIgnoreCase(param[0].trim())) {
                String charset = param.length < 2 ? "" : param[1].trim().replace("\"", "");
                ok = "utf-8".equalsIgnoreCase(charset);
            }
        }
        if (!ok) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Content-Type must be application/json (with charset=utf-8 "
                    + "or no charset), not '" + (type == null ? "" : type) + "'");
        }
    }

    /** SM3 over method, path and body: an idempotency key stands for exactly one request. */
    static String requestDigest(SimRequest r) {
        byte[] line = (r.method + ' ' + r.path + '\n').getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[line.length + r.body.length];
        System.arraycopy(line, 0, all, 0, line.length);
        System.arraycopy(r.body, 0, all, line.length, r.body.length);
        return Sm3.hex(all);
    }

    /** The app id the request names, when well-formed; {@code null} otherwise. */
    static String namedApp(SimRequest r) {
        String appId = r.header(SignatureHeaders.APP_ID);
        return KeyIds.isValid(appId) ? appId : null;
    }

    /** Forgets every idempotency key. */
    void reset() {
        synchronized (writeLock) {
            idempotency.clear();
        }
    }
}
