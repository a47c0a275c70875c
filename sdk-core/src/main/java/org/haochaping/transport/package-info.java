/**
 * Sends opaque HTTP requests to the platform: {@link org.haochaping.transport.Transport} with
 * {@link org.haochaping.transport.OkHttpTransport} as the default, per-request
 * {@link org.haochaping.transport.RequestOptions}, retries on connection failures, timeouts, 429 and 5xx
 * only, an {@code Idempotency-Key} on every write, typed errors and redacted logs. See {@code docs/outbox.md}.
 */
package org.haochaping.transport;
