package org.haochaping.conformance.kit;

import org.haochaping.rules.Violation;
import org.haochaping.wire.Decoded;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

import java.util.List;

/** An implementation under test that receives one evaluation payload (JSON text) and accepts or refuses it. */
@FunctionalInterface
public interface PayloadJudge {

    /** The verdict on one payload; throwing counts as refusing it. */
    PayloadVerdict judge(String payloadJson) throws Exception;

    /** The SDK's own receiver: {@link PayloadCodec#decodeEvaluations} in the given profile. */
    static PayloadJudge sdk(WireProfile profile) {
        PayloadCodec codec = PayloadCodec.of(profile);
        return payload -> {
            List<Decoded<org.haochaping.model.Evaluation>> decoded = codec.decodeEvaluations(payload);
            if (decoded.size() != 1) {
                throw new IllegalStateException("one payload decoded into " + decoded.size() + " evaluations");
            }
            List<Violation> found = decoded.get(0).violations();
            return new PayloadVerdict(found.stream().map(v -> new PayloadVerdict.Finding(v.path(), v.rule())).toList());
        };
    }
}
