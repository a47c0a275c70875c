package org.haochaping.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.rules.Violation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The unified profile: this SDK's documented interface ({@code docs/interface-spec.md}, "Payloads"; JSON Schemas in
 * the conformance kit). Field names are lowerCamelCase, codes are the model's enum names, times ISO-8601 with
 * offset. Unknown fields are refused so that a misspelt field is never silently dropped.
 */
final class UnifiedProfile extends WireProfile {

    static final UnifiedProfile INSTANCE = new UnifiedProfile();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private UnifiedProfile() {
    }

    @Override
    public String name() {
        return "unified";
    }

    @Override
    ObjectNode writeCase(CaseRecord c) {
        ObjectNode o = NODES.objectNode();
        put(o, "caseNo", c.caseNo());
        put(o, "itemCode", c.itemCode());
        put(o, "itemName", c.itemName());
        put(o, "handleItem", c.handleItem());
        put(o, "subItem", c.subItem());
        put(o, "deptCode", c.deptCode());
        put(o, "deptName", c.deptName());
        put(o, "areaCode", c.areaCode());
        put(o, "hallCode", c.hallCode());
        put(o, "windowNo", c.windowNo());
        put(o, "staffNo", c.staffNo());
        put(o, "staffName", c.staffName());
        put(o, "status", c.status());
        put(o, "acceptedAt", c.acceptedAt());
        put(o, "completedAt", c.completedAt());
        put(o, "promisedAt", c.promisedAt());
        put(o, "handlingMode", c.handlingMode());
        put(o, "businessKind", c.businessKind());
        put(o, "batchNo", c.batchNo());
        putList(o, "jointDeptCodes", c.jointDeptCodes());
        put(o, "themeCode", c.themeCode());
        putList(o, "relatedItemCodes", c.relatedItemCodes());
        return o;
    }

    @Override
    ObjectNode writeEvaluation(Evaluation e) {
        ObjectNode o = NODES.objectNode();
        put(o, "evaluationId", e.evaluationId());
        put(o, "scope", e.scope());
        List<String> targets = new ArrayList<>();
        for (Target t : e.targets()) {
            targets.add(t.name());
        }
        putList(o, "targets", targets);
        put(o, "channel", e.channel());
        put(o, "grade", e.grade());
        putList(o, "indicators", e.indicatorCodes());
        put(o, "freeText", e.freeText());
        put(o, "evaluatedAt", e.evaluatedAt());
        put(o, "kind", e.kind());
        put(o, "appendsTo", e.appendsTo());
        o.put("visitNo", e.visitNo());
        put(o, "stage", e.stage());
        put(o, "servedAt", e.servedAt());
        put(o, "staffNo", e.staffNo());
        Evaluator ev = e.evaluator();
        if (ev != null) {
            ObjectNode p = o.putObject("evaluator");
            put(p, "kind", ev.kind());
            put(p, "name", ev.name());
            put(p, "certificateType", ev.certificateType());
            put(p, "certificateNumber", ev.certificateNumber());
            put(p, "mobile", ev.mobile());
        }
        if (e.caseRecord() != null) {
            o.set("case", writeCase(e.caseRecord()));
        }
        return o;
    }

    @Override
    Decoded<CaseRecord> readCase(JsonNode node, String path) {
        List<Violation> violations = new ArrayList<>();
        CaseRecord c = caseFrom(node, path, violations);
        return new Decoded<>(c, violations);
    }

    @Override
    Decoded<Evaluation> readEvaluation(JsonNode node, String path) {
        List<Violation> violations = new ArrayList<>();
        if (!node.isObject()) {
            violations.add(new Violation(path.isEmpty() ? "$" : path, FieldReader.WIRE, "must be a JSON object"));
            return new Decoded<>(null, violations);
        }
        FieldReader r = new FieldReader(node, path, violations, false);
        Evaluation.Builder b = Evaluation.builder()
                .evaluationId(r.string("evaluationId"))
                .channel(r.enumValue("channel", Channel.class))
                .grade(r.enumValue("grade", Grade.class))
                .indicators(r.stringList("indicators"))
                .freeText(r.string("freeText"))
                .evaluatedAt(r.isoDateTime("evaluatedAt"))
                .stage(r.enumValue("stage", EvaluationStage.class))
                .servedAt(r.isoDateTime("servedAt"))
                .staffNo(r.string("staffNo"))
                .appendsTo(r.string("appendsTo"));
        EvaluationScope scope = r.enumValue("scope", EvaluationScope.class);
        if (scope != null || !r.has("scope")) {
            b.scope(scope == null ? EvaluationScope.CASE : scope);
        } else {
            b.scope(null);
        }
        b.targets(targets(r));
        EvaluationKind kind = r.enumValue("kind", EvaluationKind.class);
        b.kind(kind != null || r.has("kind") ? kind : EvaluationKind.ACTIVE);
        Integer visit = r.integer("visitNo");
        b.visitNo(visit == null ? (r.has("visitNo") ? 0 : 1) : visit);
        JsonNode ev = r.object("evaluator");
        if (ev != null) {
            b.evaluator(evaluatorFrom(ev, r.path("evaluator"), violations));
        }
        JsonNode c = r.object("case");
        if (c != null) {
            b.caseRecord(caseFrom(c, r.path("case"), violations));
        }
        r.rejectUnknown();
        return new Decoded<>(b.build(), violations);
    }

    private static Set<Target> targets(FieldReader r) {
        Set<Target> out = EnumSet.noneOf(Target.class);
        List<String> names = r.stringList("targets");
        for (int i = 0; i < names.size(); i++) {
            try {
                if (!out.add(Target.valueOf(names.get(i)))) {
                    r.violation("targets[" + i + "]", "Art. 6", names.get(i) + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                r.violation("targets[" + i + "]", "is not one of SERVICE_ITEM, SERVICE_STAFF");
            }
        }
        return out;
    }

    private static Evaluator evaluatorFrom(JsonNode node, String path, List<Violation> violations) {
        FieldReader r = new FieldReader(node, path, violations, false);
        Evaluator.Builder b = Evaluator.builder()
                .name(r.string("name"))
                .certificate(r.enumValue("certificateType", CertificateType.class), r.string("certificateNumber"))
                .mobile(r.string("mobile"));
        EvaluatorKind kind = r.enumValue("kind", EvaluatorKind.class);
        b.kind(kind);
        r.rejectUnknown();
        return b.build();
    }

    private static CaseRecord caseFrom(JsonNode node, String path, List<Violation> violations) {
        if (!node.isObject()) {
            violations.add(new Violation(path.isEmpty() ? "$" : path, FieldReader.WIRE, "must be a JSON object"));
            return null;
        }
        FieldReader r = new FieldReader(node, path, violations, false);
        CaseRecord.Builder b = CaseRecord.builder()
                .caseNo(r.string("caseNo"))
                .item(r.string("itemCode"), r.string("itemName"))
                .handleItem(r.string("handleItem"))
                .subItem(r.string("subItem"))
                .department(r.string("deptCode"), r.string("deptName"))
                .areaCode(r.string("areaCode"))
                .hallAndWindow(r.string("hallCode"), r.string("windowNo"))
                .staff(r.string("staffNo"), r.string("staffName"))
                .status(r.enumValue("status", CaseStatus.class))
                .acceptedAt(r.isoDateTime("acceptedAt"))
                .completedAt(r.isoDateTime("completedAt"))
                .promisedAt(r.isoDateTime("promisedAt"))
                .handlingMode(r.enumValue("handlingMode", HandlingMode.class))
                .businessKind(r.has("businessKind")
                        ? r.enumValue("businessKind", BusinessKind.class) : BusinessKind.APPLICATION)
                .batchNo(r.string("batchNo"))
                .jointDeptCodes(r.stringList("jointDeptCodes"))
                .theme(r.string("themeCode"), r.stringList("relatedItemCodes"));
        r.rejectUnknown();
        return b.build();
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void put(ObjectNode o, String field, Enum<?> value) {
        if (value != null) {
            o.put(field, value.name());
        }
    }

    private static void put(ObjectNode o, String field, OffsetDateTime value) {
        if (value != null) {
            o.put(field, value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    private static void putList(ObjectNode o, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(field);
            for (String v : values) {
                a.add(v);
            }
        }
    }
}
