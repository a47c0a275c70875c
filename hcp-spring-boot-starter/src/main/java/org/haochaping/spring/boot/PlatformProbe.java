package org.haochaping.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.haochaping.client.HcpClient;
import org.haochaping.crypto.CryptoException;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportException;

/**
 * Whether the platform answers and its answer verifies: a signed {@code GET /v1/calendar/{year}} (interface-spec 5.8),
 * cheap and read-only. A verified answer is reachable, a verified refusal too (the year not published yet: 404
 * {@code NOT_FOUND}); no answer, 5xx, or an answer that does not verify is not. The result is kept for
 * {@code interval}, so health probes do not hammer the platform; a check runs in the background and a probe waits at
 * most {@code wait} for it, else it reports the last result.
 */
final class PlatformProbe {

    /** One check's result; {@code error} names the type and codes, never a message. */
    record Result(boolean reachable, String error, Instant checkedAt) {
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final HcpClient client;
    private final Clock clock;
    private final Duration interval;
    private final Duration wait;
    private Result last;
    private CompletableFuture<Result> inFlight;

    PlatformProbe(HcpClient client, Clock clock, Duration interval, Duration wait) {
        this.client = client;
        this.clock = clock;
        this.interval = interval;
        this.wait = wait;
    }

    /** The latest result, after starting a check when the last is older than the interval; {@code null} if none yet. */
    Result current() {
        CompletableFuture<Result> running = refreshIfStale();
        if (running != null) {
            try {
                return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // report the previous result; the check finishes in the background
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException impossible) {
                // check() catches everything
            }
        }
        synchronized (this) {
            return last;
        }
    }

    private synchronized CompletableFuture<Result> refreshIfStale() {
        if (inFlight != null) {
            return inFlight;
        }
        if (last != null && last.checkedAt().plus(interval).isAfter(clock.instant())) {
            return null;
        }
        CompletableFuture<Result> check = CompletableFuture.supplyAsync(this::check);
        inFlight = check;
        check.whenComplete((result, failure) -> {
            synchronized (this) {
                if (result != null) {
                    last = result;
                }
                inFlight = null;
            }
        });
        return check;
    }

    private Result check() {
        Instant now = clock.instant();
        try {
            client.calendar(LocalDate.now(clock.withZone(SHANGHAI)).getYear());
            return new Result(true, null, now);
        } catch (ServiceException e) {
            String what = "HTTP " + e.statusCode() + e.platformCode().map(c -> " " + c).orElse("");
            // a verified refusal is an answer; 5xx and 429 (after the client's retries) are not
            return new Result(!e.isRetryable(), e.isRetryable() ? what : null, now);
        } catch (CryptoException e) {
            return new Result(false, "does not verify: " + e.reason(), now);
        } catch (TransportException e) {
            return new Result(false, "no answer: " + (e.getCause() == null ? "TransportException"
                    : e.getCause().getClass().getSimpleName()), now);
        } catch (RuntimeException e) {
            return new Result(false, e.getClass().getSimpleName(), now);
        }
    }
}
