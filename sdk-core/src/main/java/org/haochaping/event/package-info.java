/**
 * What the SDK tells an application about its work, for metrics, tracing and alerts:
 * {@link org.haochaping.event.HcpEventListener} (OkHttp's {@code EventListener} is the model). Events carry the
 * operation, endpoint, idempotency key, attempt numbers, durations, status and platform codes, never a body or
 * anything that names a person (Art. 17).
 */
package org.haochaping.event;
