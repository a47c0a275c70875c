package org.haochaping.conformance.kit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

import java.util.function.Function;
import java.util.stream.Stream;

/** Turns a vector file into JUnit dynamic tests, one per tcId, failing with the kit's reason. */
final class ContractTests {

    private ContractTests() {
    }

    static Stream<DynamicTest> of(String shippedFile, Function<VectorCase, CaseResult> check) {
        VectorFile file = VectorFile.shipped(shippedFile);
        return file.cases().stream().map(c -> DynamicTest.dynamicTest(
                "tcId " + c.tcId() + " " + c.expected() + ": " + c.comment(), () -> {
                    CaseResult result = check.apply(c);
                    if (!result.passed()) {
                        Assertions.fail(c.id() + " [" + c.section() + "]: " + result.reason() + " (expected "
                                + c.expected() + ", actual " + result.actual() + ")");
                    }
                }));
    }
}
