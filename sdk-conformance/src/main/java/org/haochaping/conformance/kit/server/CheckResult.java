package org.haochaping.conformance.kit.server;

/**
 * One check's outcome against the target.
 *
 * @param check  the check
 * @param passed whether the platform answered as the interface requires
 * @param detail what the platform answered (or why the check could not be made)
 * @param nanos  how long the check took
 */
public record CheckResult(ServerCheck check, boolean passed, String detail, long nanos) {
}
