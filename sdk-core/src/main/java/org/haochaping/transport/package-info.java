/**
 * Sends opaque HTTP requests to the platform: {@link org.haochaping.transport.Transport} with
 * {@link org.haochaping.transport.OkHttpTransport} as the default, per-request
 * {@link org.haochaping.transport.RequestOptions}, retries on connection failures, timeouts, 429 and 5xx
 * only, an {@code Idempotency-Key} on every write, typed errors and redacted logs. An adapter to another HTTP
 * library implements {@link org.haochaping.transport.Exchange} (one attempt on the wire) and keeps the retries with
 * {@link org.haochaping.transport.RetryingTransport}. See {@code docs/outbox.md} and {@code docs/design.md}.
 */
package org.haochaping.transport;
