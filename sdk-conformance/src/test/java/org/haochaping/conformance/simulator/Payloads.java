package org.haochaping.conformance.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Grade;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

/** Rule-valid evaluations for the simulator's tests, made from the kit's samples with case numbers of the test's choice. */
final class Payloads {

    static final PayloadCodec UNIFIED = PayloadCodec.of(WireProfile.unified());
    static final PayloadCodec NATIONAL = PayloadCodec.of(WireProfile.national());

    private Payloads() {
    }

    static Evaluation sample(String evaluationId) {
        return SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation)
                .filter(e -> evaluationId.equals(e.evaluationId())).findFirst().orElseThrow();
    }

    /** A 非常满意 of the service item of a 全程网办 case (district 120101), without evaluationId. */
    static Evaluation good(String caseNo) {
        return withCase(sample("EV-0001"), caseNo, null);
    }

    /** A 不满意 of the service item of a 全程网办 case in district 120101 (its work order waits for the district). */
    static Evaluation badInDistrict(String caseNo) {
        return withCase(sample("EV-0003"), caseNo, null);
    }

    /** A 不满意 of the service item of a 全程网办 case at city level (120000: dispatched by the system). */
    static Evaluation badAtCityLevel(String caseNo) {
        return withCase(sample("EV-0003"), caseNo, "120000");
    }

    /** The window-evaluator sample (staff, visit 1, city level) on another case. */
    static Evaluation staffAtWindow(String caseNo) {
        return withCase(sample("EV-0101"), caseNo, null);
    }

    static Evaluation withCase(Evaluation e, String caseNo, String areaCode) {
        CaseRecord.Builder c = e.caseRecord().toBuilder().caseNo(caseNo);
        if (areaCode != null) {
            c.areaCode(areaCode);
        }
        return e.toBuilder().evaluationId(null).caseRecord(c.build()).build();
    }

    static Evaluation withGrade(Evaluation e, Grade grade, String... indicators) {
        return e.toBuilder().grade(grade).indicators(indicators).build();
    }

    /** {@code {"records": [...]}} in the unified profile. */
    static String records(Evaluation... evaluations) {
        return records(List.of(evaluations));
    }

    static String records(List<Evaluation> evaluations) {
        ObjectNode body = SigningClient.JSON.createObjectNode();
        ArrayNode a = body.putArray("records");
        for (Evaluation e : evaluations) {
            try {
                a.add(SigningClient.JSON.readTree(UNIFIED.write(e)));
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
        return body.toString();
    }

    /** {@code {"records": [...]}} of raw JSON objects. */
    static String rawRecords(String... objects) {
        return "{\"records\":[" + String.join(",", objects) + "]}";
    }

    static List<Evaluation> goods(String prefix, int n) {
        List<Evaluation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(good(prefix + String.format("%04d", i)));
        }
        return out;
    }
}
