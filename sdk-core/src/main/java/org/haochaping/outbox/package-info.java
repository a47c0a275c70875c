/**
 * A durable local queue for terminals that lose the network: {@link org.haochaping.outbox.Outbox} stores
 * each record on disk before {@code submit} returns and delivers it through an
 * {@link org.haochaping.outbox.OutboxSink} under the same idempotency key until the platform accepts or
 * rejects it. Journal format, fsync policy and crash semantics: {@code docs/outbox.md}.
 */
package org.haochaping.outbox;
