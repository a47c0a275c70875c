package org.haochaping.conformance.kit.client;

/**
 * The verdict on one scenario or one request-level check of a client conformance run.
 *
 * @param id        stable identifier, e.g. {@code window-visit} or {@code request-signature}
 * @param title     what was required, in a few words
 * @param reference the article of the rules or the section of docs/interface-spec.md it tests
 * @param passed    whether the client met it
 * @param detail    the evidence when it passed, the reason (every offending request) when it failed
 */
public record ClientResult(String id, String title, String reference, boolean passed, String detail) {
}
