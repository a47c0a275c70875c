package org.haochaping.conformance.kit;

import org.haochaping.wire.WireProfile;

/** The SDK's own receiver ({@code PayloadCodec}) passes the payload TCK it ships. */
class SdkPayloadCodecContractTest implements PayloadCodecContract {

    @Override
    public PayloadVerdict judge(String profile, String payloadJson) throws Exception {
        return PayloadJudge.sdk(WireProfile.named(profile)).judge(payloadJson);
    }
}
