package org.haochaping.conformance.simulator;

import org.haochaping.client.PlatformErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator answers with the codes the SDK's client decides on ({@link PlatformErrorCode}): the same names,
 * statuses and retry rules, so a code added on one side only fails here.
 */
class ErrorCodeAgreesWithTheSdkTest {

    @Test
    void everyErrorCodeIsTheSdksWithTheSameStatusAndRetryRule() {
        assertThat(Arrays.stream(ErrorCode.values()).filter(c -> c != ErrorCode.OK).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PlatformErrorCode.values()).map(Enum::name).toList());
        for (PlatformErrorCode sdk : PlatformErrorCode.values()) {
            ErrorCode simulator = ErrorCode.valueOf(sdk.name());
            assertThat(simulator.httpStatus()).as(sdk + " status").isEqualTo(sdk.httpStatus());
            assertThat(simulator.isRetryable()).as(sdk + " retried").isEqualTo(sdk.isRetried());
        }
    }
}
