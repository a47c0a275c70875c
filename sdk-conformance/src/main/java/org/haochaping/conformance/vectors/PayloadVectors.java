package org.haochaping.conformance.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.SamplePayloads.Sample;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.wire.WireProfile;
import org.haochaping.wire.internal.WireTrees;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Generates the payload-validity vectors ({@code vectors/payload_validity_<profile>.json}): every sample as a valid
 * case, and for each rule a mutation with the violation it must cause, stated by hand (path and rule), so that an
 * implementation is checked against the rules, not against this SDK's output. Run {@code main} to rewrite the files;
 * a test fails when the checked-in files and this generator disagree.
 */
public final class PayloadVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireProfile profile;
    private final List<ObjectNode> tests = new ArrayList<>();

    private PayloadVectors(WireProfile profile) {
        this.profile = profile;
    }

    /** The vector file for a profile, as a JSON tree. */
    public static ObjectNode generate(WireProfile profile) {
        return new PayloadVectors(profile).build();
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Paths.get(args.length > 0 ? args[0]
                : "sdk-conformance/src/main/resources/vectors");
        java.nio.file.Files.createDirectories(dir);
        for (WireProfile p : new WireProfile[] {WireProfile.unified(), WireProfile.national()}) {
            java.nio.file.Path file = dir.resolve("payload_validity_" + p.name() + ".json");
            java.nio.file.Files.write(file, text(generate(p)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            System.out.println("wrote " + file);
        }
    }

    /** The canonical text of a vector file: pretty-printed, one trailing newline. */
    public static String text(JsonNode file) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n";
    }

    private ObjectNode build() {
        List<Sample> samples = SamplePayloads.all();
        for (Sample s : samples) {
            if (expressible(s.evaluation())) {
                valid(s.evaluation(), "valid: " + s.title(), s.rule());
            }
        }
        Evaluation online = samples.get(0).evaluation();
        Evaluation app = samples.get(2).evaluation();
        Evaluation window = samples.get(4).evaluation();
        Evaluation qr = samples.get(5).evaluation();
        Evaluation batch = samples.get(10).evaluation();
        Evaluation joint = samples.get(11).evaluation();
        Evaluation theme = samples.get(12).evaluation();
        Evaluation query = samples.get(13).evaluation();

        invalid(online.toBuilder().targets(Target.SERVICE_ITEM, Target.SERVICE_STAFF).build(),
                "a 全程网办 case graded on the staff", "targets", "Art. 6");
        invalid(online.toBuilder().channel(Channel.WINDOW_EVALUATOR).build(),
                "a 全程网办 case evaluated through a window evaluator", "channel", "Art. 6, 10");
        invalid(app.toBuilder().indicators().freeText(null).build(),
                "a 差评 with neither indicator nor free text", "indicators", "Art. 7");
        valid(app.toBuilder().indicators().build(), "a 差评 justified by free text alone", "Art. 7");
        valid(online.toBuilder().indicators().build(), "a 好评 without indicators", "Art. 7");
        invalid(app.toBuilder().indicators("1101").build(),
                "a 不满意 graded with a 非常不满意 indicator", "indicators[0]", "Art. 7");
        invalid(app.toBuilder().indicators("2201").build(),
                "a staff indicator on an item-only evaluation", "indicators[0]", "Art. 6-7");
        invalid(app.toBuilder().indicators("9999").build(), "an indicator code not in the annex", "indicators[0]",
                "Art. 7");
        invalid(app.toBuilder().indicators("1207").freeText(null).build(), "其他 without free text", "freeText",
                "Art. 7");
        invalid(qr.toBuilder().stage(EvaluationStage.AT_RECEIPT).build(),
                "the service item graded at receipt", "stage", "Art. 11");
        invalid(qr.toBuilder().evaluatedAt(qr.caseRecord().completedAt().minusMinutes(5)).build(),
                "an evaluation at completion made before completion", "evaluatedAt", "Art. 11");
        invalid(online.toBuilder().visitNo(2).build(), "a second visit of a 全程网办 case", "visitNo", "Art. 9, 11");
        invalid(batch.toBuilder().targets(Target.SERVICE_STAFF).indicators("2202").build(),
                "a batch evaluation of the staff only", "targets", "Art. 12");
        invalid(batch.toBuilder().indicators("1203").build(),
                "a batch 差评 naming item specifics only", "indicators", "Art. 12");
        invalid(batch.toBuilder().caseRecord(batch.caseRecord().toBuilder().batchNo(null).build()).build(),
                "a batch evaluation of a case in no batch", "case.batchNo", "Art. 12");
        invalid(joint.toBuilder().targets(Target.SERVICE_STAFF, Target.SERVICE_ITEM).build(),
                "a joint approval graded on the item at receipt", "targets", "Art. 13");
        invalid(theme.toBuilder().caseRecord(theme.caseRecord().toBuilder().theme(null, null).build()).build(),
                "an overall theme evaluation of a case with no theme", "case.themeCode", "Art. 14");
        valid(theme.toBuilder().scope(EvaluationScope.CASE).build(),
                "a theme's item evaluated on its own instead of overall", "Art. 14");
        invalid(online.toBuilder().caseRecord(online.caseRecord().toBuilder()
                        .businessKind(BusinessKind.QUERY_CONSULTATION).build()).build(),
                "a 查询咨询 completed online", "case.businessKind", "Art. 15");
        invalid(query.toBuilder().targets(Target.SERVICE_STAFF, Target.SERVICE_ITEM).build(),
                "a 查询咨询 in a hall graded on the item", "targets", "Art. 15");
        invalid(window.toBuilder().evaluator(null).build(), "an anonymous evaluation", "evaluator", "Art. 17");
        invalid(window.toBuilder().evaluator(window.evaluator().toBuilder()
                        .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121237").build()).build(),
                "a 居民身份证号码 with a wrong check digit", "evaluator.certificateNumber", "Art. 17; GB 11643");
        invalid(batch.toBuilder().evaluator(batch.evaluator().toBuilder()
                        .certificate(CertificateType.UNIFIED_SOCIAL_CREDIT_CODE, "91120116MA05ABCDEQ").build()).build(),
                "a 统一社会信用代码 with a wrong check character", "evaluator.certificateNumber", "Art. 17; GB 32100");
        invalid(online.toBuilder().kind(EvaluationKind.FOLLOW_UP).channel(Channel.HOTLINE_12345).build(),
                "a follow-up visit graded 非常满意", "grade", "Art. 22");
        invalid(window.toBuilder().caseRecord(window.caseRecord().toBuilder().department(
                        "111200000001234560", null).build()).build(),
                "a department code with a wrong check character", "case.deptCode", "Art. 5; GB 32100");
        invalid(window.toBuilder().caseRecord(window.caseRecord().toBuilder().caseNo(
                        "TJ20261126" + "0".repeat(41)).build()).build(),
                "a case number over 50 characters", "case.caseNo", "Art. 5");
        invalid(window.toBuilder().caseRecord(window.caseRecord().toBuilder().completedAt(null).build()).build(),
                "a 已办结 case without a completion time", "case.completedAt", "Art. 16");
        invalid(window.toBuilder().caseRecord(window.caseRecord().toBuilder()
                        .handlingMode(HandlingMode.SELF_SERVICE).build()).build(),
                "a self-service case graded on the staff", "targets", "Art. 11");
        auditCases(samples);
        wireCases();

        ObjectNode file = JSON.createObjectNode();
        file.put("algorithm", "payload-validity");
        file.put("schema", "payload_validity_schema.json");
        file.put("profile", profile.name());
        file.put("numberOfTests", tests.size());
        ArrayNode header = file.putArray("header");
        header.add("Payload validity vectors for the " + profile.name() + " wire profile (docs/interface-spec.md, 1).");
        header.add("Each test holds one evaluation payload and whether a conforming receiver accepts it; an invalid one");
        header.add("lists the violations (path and rule) it must report at least. All identifiers are fictitious.");
        ObjectNode group = JSON.createObjectNode();
        group.put("type", "PayloadValidity");
        group.put("kind", "evaluation");
        ArrayNode arr = group.putArray("tests");
        int id = 1;
        for (ObjectNode t : tests) {
            ObjectNode numbered = JSON.createObjectNode();
            numbered.put("tcId", id++);
            numbered.setAll(t);
            arr.add(numbered);
        }
        file.putArray("testGroups").add(group);
        return file;
    }

    /**
     * The corrections of the rules audit (issue 12): expected paths and articles stated by hand. The window samples
     * were completed on Thursday 2026-11-26; the 5th working day after is Thursday 2026-12-03 (no holiday between).
     */
    private void auditCases(List<Sample> samples) {
        Evaluation online = samples.get(0).evaluation();
        Evaluation window = samples.get(4).evaluation();
        Evaluation qr = samples.get(5).evaluation();
        Evaluation batch = samples.get(10).evaluation();
        Evaluation joint = samples.get(11).evaluation();
        Evaluation query = samples.get(13).evaluation();
        Evaluation appended = samples.get(14).evaluation();
        valid(qr.toBuilder().evaluatedAt(java.time.OffsetDateTime.parse("2026-12-03T23:59:59+08:00")).build(),
                "evaluated at the last second of the 5th working day after completion", "Art. 16");
        invalid(qr.toBuilder().evaluatedAt(java.time.OffsetDateTime.parse("2026-12-04T00:00:00+08:00")).build(),
                "evaluated after the 5th working day after completion: 未评", "evaluatedAt", "Art. 16");
        invalid(joint.toBuilder().evaluatedAt(java.time.OffsetDateTime.parse("2099-01-01T10:00:00+08:00")).build(),
                "an evaluation from the future", "evaluatedAt", "Art. 5");
        invalid(batch.toBuilder().scope(EvaluationScope.CASE).build(),
                "a case of a batch evaluated on its own instead of through its batch", "scope", "Art. 12");
        valid(online.toBuilder().evaluationId("EV-0402").caseRecord(joint.caseRecord().toBuilder()
                        .caseNo("TJ2026112600402").hallAndWindow(null, null).staff(null, null)
                        .status(org.haochaping.model.CaseStatus.COMPLETED).completedAt(online.caseRecord().completedAt())
                        .acceptedAt(online.caseRecord().acceptedAt()).handlingMode(HandlingMode.FULLY_ONLINE).build())
                        .build(),
                "a joint approval handled wholly online: the item, once, after completion", "Art. 6, 11, 13");
        invalid(query.toBuilder().stage(EvaluationStage.AT_RECEIPT).caseRecord(query.caseRecord().toBuilder()
                        .status(org.haochaping.model.CaseStatus.ACCEPTED).completedAt(null).build()).build(),
                "a 查询咨询 evaluated before it is completed", "stage", "Art. 15");
        invalid(window.toBuilder().staffNo(null).caseRecord(window.caseRecord().toBuilder().staff(null, "李四").build())
                        .build(),
                "the staff graded without a staff number", "staffNo", "Art. 10(一), 26");
        invalid(window.toBuilder().evaluator(window.evaluator().toBuilder()
                        .certificate(CertificateType.UNIFIED_SOCIAL_CREDIT_CODE, "91120116MA05ABCDEP").build()).build(),
                "a natural person identified by an organisation's 统一社会信用代码", "evaluator.certificateType", "Art. 17");
        invalid(batch.toBuilder().evaluator(batch.evaluator().toBuilder()
                        .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121236").build()).build(),
                "an enterprise identified by a 居民身份证", "evaluator.certificateType", "Art. 17");
        invalid(online.toBuilder().channel(Channel.DYNAMIC_QR_CODE).build(),
                "a 全程网办 case evaluated through a dynamic receipt code", "channel", "Art. 6, 10");
        invalid(appended.toBuilder().appendsTo(null).build(),
                "an appended evaluation that names no evaluation", "appendsTo", "Art. 9(四), 11");
        invalid(appended.toBuilder().evaluatedAt(java.time.OffsetDateTime.parse("2026-12-04T09:00:00+08:00")).build(),
                "an appended evaluation after the Art. 16 window", "evaluatedAt", "Art. 16");
    }

    /** Faults of the wire format itself, made by editing the written JSON. */
    private void wireCases() {
        Evaluation window = SamplePayloads.all().get(4).evaluation();
        boolean national = profile.name().equals("national");
        if (national) {
            wire(window, o -> put(o, "satisfaction", "6"), "satisfaction out of range", "satisfaction");
            wire(window, o -> put(o, "pf", "9"), "an unknown pf code", "pf");
            wire(window, o -> put(o, "proStatus", "4"), "an unknown proStatus", "proStatus");
            wire(window, o -> put(o, "assessTime", "2026/11/26 09:41"), "assessTime in another format", "assessTime");
            wire(window, o -> put(o, "assessNumber", "2"), "assessNumber disagreeing with evaluateType", "assessNumber");
            wire(window, o -> put(o, "pf", "1"), "pf disagreeing with the channel extension", "channel");
            wire(window, o -> put(o, "userProp", "7"), "an unknown userProp", "userProp");
            wire(window, o -> {
                o.remove("projectNo");
                return o;
            }, "no projectNo", "projectNo");
        } else {
            wire(window, o -> put(o, "grade", "GREAT"), "an unknown grade", "grade");
            wire(window, o -> put(o, "evaluatedAt", "2026-11-26 09:41:00"), "a time without offset", "evaluatedAt");
            wire(window, o -> {
                o.put("visitNo", "one");
                return o;
            }, "visitNo of the wrong type", "visitNo");
            wire(window, o -> put(o, "colour", "red"), "an unknown field", "colour");
            wire(window, o -> {
                o.remove("case");
                return o;
            }, "no case", "case");
            wire(window, o -> {
                ((ObjectNode) o.get("case")).remove("caseNo");
                return o;
            }, "no caseNo", "case.caseNo");
            wire(window, o -> {
                o.putArray("targets").add("SERVICE_WINDOW");
                return o;
            }, "an unknown target", "targets[0]");
        }
    }

    private static ObjectNode put(ObjectNode o, String field, String value) {
        o.put(field, value);
        return o;
    }

    /** The national profile refuses to write what its codes cannot hold (see interface-spec 1.7). */
    private boolean expressible(Evaluation e) {
        return !(profile.name().equals("national")
                && (e.channel() == Channel.SUGGESTION_BOX || e.kind() == EvaluationKind.FOLLOW_UP));
    }

    private void valid(Evaluation e, String comment, String rule) {
        if (!expressible(e)) {
            return;
        }
        ObjectNode t = JSON.createObjectNode();
        t.put("comment", comment);
        t.put("rule", rule);
        t.set("payload", WireTrees.writeEvaluation(profile, e));
        t.put("result", "valid");
        t.putArray("violations");
        tests.add(t);
    }

    private void invalid(Evaluation e, String comment, String path, String rule) {
        if (!expressible(e)) {
            return;
        }
        // Paths are stated for the model; each profile names them by its own fields (interface-spec 1.7).
        addInvalid(WireTrees.writeEvaluation(profile, e), comment, profile.wirePath(path), rule);
    }

    private void wire(Evaluation e, UnaryOperator<ObjectNode> edit, String comment, String path) {
        addInvalid(edit.apply(WireTrees.writeEvaluation(profile, e)), comment, path, "Art. 5");
    }

    private void addInvalid(ObjectNode payload, String comment, String path, String rule) {
        ObjectNode t = JSON.createObjectNode();
        t.put("comment", comment);
        t.put("rule", rule);
        t.set("payload", payload);
        t.put("result", "invalid");
        ObjectNode v = t.putArray("violations").addObject();
        v.put("path", path);
        v.put("rule", rule);
        tests.add(t);
    }
}
