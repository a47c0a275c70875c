package org.haochaping.conformance.kit;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.util.encoders.Hex;

/**
 * One test case of a vector file: its identity ({@code file#tcId}), what it checks and the expected result, with
 * the raw test and its group (the shared parameters) for the check that runs it.
 *
 * @param file     the vector file's name, e.g. {@code sm4_test.json}
 * @param tcId     the case's id, unique within its file
 * @param comment  what the case is about
 * @param section  the rule or standard section it checks ({@code rule} or {@code specSection} in the file)
 * @param expected {@code valid} or {@code invalid}
 * @param group    the test group (shared parameters such as the public key)
 * @param test     the test itself
 */
public record VectorCase(String file, int tcId, String comment, String section, String expected,
        JsonNode group, JsonNode test) {

    /** {@code file#tcId}, the key used in expected-failures files and reports. */
    public String id() {
        return file + "#" + tcId;
    }

    /** Whether an implementation must accept the case (otherwise it must refuse it). */
    public boolean expectsValid() {
        return "valid".equals(expected);
    }

    /** A hex field of the test; an absent field is empty. */
    public byte[] hex(String field) {
        return Hex.decode(test.path(field).asText(""));
    }

    /** A hex field of the test's group; an absent field is empty. */
    public byte[] groupHex(String field) {
        return Hex.decode(group.path(field).asText(""));
    }

    /** Whether the test carries the flag (e.g. {@code RangeCheck}). */
    public boolean hasFlag(String flag) {
        for (JsonNode f : test.path("flags")) {
            if (flag.equals(f.asText())) {
                return true;
            }
        }
        return false;
    }
}
