package org.haochaping.wire;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.haochaping.model.Indicator;
import org.haochaping.model.IndicatorCatalogue;
import org.haochaping.model.Target;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The national report style (see {@code docs/interface-spec.md}, "National profile"): one flat object per evaluation
 * holding the case, the evaluation and the evaluator, with the national field names and code tables. Codes are
 * written as strings and read from strings or numbers; times are {@code yyyy-MM-dd HH:mm:ss} in Asia/Shanghai
 * (second precision).
 *
 * <p>What the national fields cannot hold (the exact channel behind a shared {@code pf} code, targets, stage, scope,
 * handling mode, batch, joint departments, theme) travels in documented extension fields, so that model → JSON →
 * model is lossless; a record without them (from another system) is read with the documented defaults. Unknown
 * fields are ignored: provinces add their own (e.g. {@code dataSource}).
 */
final class NationalProfile extends WireProfile {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Strict: the default (smart) resolver would read 2026-02-30 as 2026-02-28 and 24:00:00 as the next day. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String EXAMPLE = "2026-11-26 10:15:30";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SatisfactionCodes satisfaction;
    private final ChannelCodes channels;

    NationalProfile(SatisfactionCodes satisfaction, ChannelCodes channels) {
        this.satisfaction = satisfaction;
        this.channels = channels;
    }

    @Override
    public String name() {
        return "national";
    }

    /** Model paths → national fields, for violations of the rules (see {@link #wirePath}). */
    private static final Map<String, String> FIELDS = new HashMap<>();

    static {
        String[] pairs = {
            "case", "projectNo", "case.caseNo", "projectNo", "case.itemCode", "taskCode", "case.itemName", "taskName",
            "case.handleItem", "taskHandleItem", "case.subItem", "subMatter", "case.deptCode", "deptCode",
            "case.deptName", "proDepart", "case.areaCode", "areaCode", "case.status", "proStatus",
            "case.staffName", "proManager", "case.staffNo", "proManagerNo", "case.windowNo", "windowNo",
            "case.hallCode", "hallCode", "case.acceptedAt", "acceptDate", "case.completedAt", "resultDate",
            "case.promisedAt", "promiseTime", "case.businessKind", "serviceName", "case.handlingMode", "handleMode",
            "case.batchNo", "batchNo", "case.jointDeptCodes", "jointDeptCodes", "case.themeCode", "themeCode",
            "case.relatedItemCodes", "relatedTaskCodes",
            "grade", "satisfaction", "channel", "pf", "indicators", "evalDetail", "freeText", "writingEvaluation",
            "evaluatedAt", "assessTime", "kind", "evaluateType", "visitNo", "serviceNumber", "servedAt", "serviceTime",
            "staffNo", "evaluatedStaffNo", "targets", "evalTargets", "scope", "evalScope", "stage", "evalStage", "appendsTo", "appendsTo",
            "evaluator", "userName", "evaluator.kind", "userProp", "evaluator.name", "userName",
            "evaluator.certificateType", "userPageType", "evaluator.certificateNumber", "userCert",
            "evaluator.mobile", "mobile"
        };
        for (int i = 0; i < pairs.length; i += 2) {
            FIELDS.put(pairs[i], pairs[i + 1]);
        }
    }

    /**
     * The national field for a model path; an index into a list stays (e.g. {@code indicators[1]} →
     * {@code evalDetail[1]}, the second code of the comma-separated list).
     */
    @Override
    public String wirePath(String modelPath) {
        int bracket = modelPath.indexOf('[');
        String base = bracket < 0 ? modelPath : modelPath.substring(0, bracket);
        String field = FIELDS.get(base);
        if (field == null) {
            return modelPath;
        }
        return bracket < 0 ? field : field + modelPath.substring(bracket);
    }

    @Override
    public ObjectNode writeCase(CaseRecord c) {
        ObjectNode o = NODES.objectNode();
        put(o, "projectNo", c.caseNo());
        put(o, "taskCode", c.itemCode());
        put(o, "taskName", c.itemName());
        put(o, "taskHandleItem", c.handleItem());
        put(o, "subMatter", c.subItem());
        put(o, "deptCode", c.deptCode());
        put(o, "proDepart", c.deptName());
        put(o, "areaCode", c.areaCode());
        if (c.status() != null) {
            o.put("proStatus", String.valueOf(c.status().ordinal() + 1));
        }
        put(o, "proManager", c.staffName());
        put(o, "proManagerNo", c.staffNo());
        put(o, "windowNo", c.windowNo());
        put(o, "hallCode", c.hallCode());
        put(o, "acceptDate", c.acceptedAt());
        put(o, "resultDate", c.completedAt());
        put(o, "promiseTime", c.promisedAt());
        if (c.businessKind() != null) {
            o.put("serviceName", serviceName(c.businessKind()));
        }
        // Extensions (not in the national field list): what decides the evaluation rules.
        put(o, "handleMode", c.handlingMode() == null ? null : c.handlingMode().name());
        put(o, "batchNo", c.batchNo());
        put(o, "jointDeptCodes", join(c.jointDeptCodes()));
        put(o, "themeCode", c.themeCode());
        put(o, "relatedTaskCodes", join(c.relatedItemCodes()));
        return o;
    }

    @Override
    public ObjectNode writeEvaluation(Evaluation e) {
        List<Violation> unrepresentable = new ArrayList<>();
        ObjectNode o = e.caseRecord() == null ? NODES.objectNode() : writeCase(e.caseRecord());
        if (e.grade() != null) {
            o.put("satisfaction", String.valueOf(satisfaction.code(e.grade())));
        }
        if (e.channel() != null) {
            int pf = channels.code(e.channel());
            if (pf == 0) {
                unrepresentable.add(new Violation("channel", "Art. 9-10", e.channel().chineseName()
                        + " has no pf code in national table " + channels.name()));
            } else {
                o.put("pf", String.valueOf(pf));
            }
            o.put("channel", e.channel().name());
        }
        put(o, "evalDetail", join(e.indicatorCodes()));
        put(o, "writingEvaluation", e.freeText());
        put(o, "assessTime", e.evaluatedAt());
        if (e.kind() == EvaluationKind.FOLLOW_UP) {
            unrepresentable.add(new Violation("kind", "Art. 22", "a follow-up visit (回访) is reported through the "
                    + "work-order interface, not as a national evaluation record"));
        } else if (e.kind() != null) {
            String n = e.kind() == EvaluationKind.APPENDED ? "2" : "1";
            o.put("assessNumber", n);
            o.put("evaluateType", n);
        }
        o.put("serviceNumber", String.valueOf(e.visitNo()));
        put(o, "serviceTime", e.servedAt());
        Evaluator ev = e.evaluator();
        if (ev != null) {
            if (ev.kind() != null) {
                o.put("userProp", String.valueOf(ev.kind().nationalCode()));
            }
            put(o, "userName", ev.name());
            if (ev.certificateType() != null) {
                o.put("userPageType", ev.certificateType().nationalCode());
            }
            put(o, "userCert", ev.certificateNumber());
            put(o, "mobile", ev.mobile());
        }
        // Extensions (not in the national field list).
        put(o, "evaluationId", e.evaluationId());
        put(o, "evalTargets", targets(e.targets()));
        put(o, "evalScope", e.scope() == null ? null : e.scope().name());
        put(o, "evalStage", e.stage() == null ? null : e.stage().name());
        put(o, "evaluatedStaffNo", e.staffNo());
        put(o, "appendsTo", e.appendsTo());
        if (!unrepresentable.isEmpty()) {
            throw new ValidationException(unrepresentable);
        }
        return o;
    }

    @Override
    public Decoded<CaseRecord> readCase(JsonNode node, String path) {
        List<Violation> violations = new ArrayList<>();
        if (!node.isObject()) {
            violations.add(new Violation(path.isEmpty() ? "$" : path, FieldReader.WIRE, "must be a JSON object"));
            return new Decoded<>(null, violations);
        }
        return new Decoded<>(caseFrom(new FieldReader(node, path, violations, true)), violations);
    }

    private CaseRecord caseFrom(FieldReader r) {
        CaseStatus status = null;
        Integer pro = r.integer("proStatus");
        if (pro != null) {
            if (pro >= 1 && pro <= 3) {
                status = CaseStatus.values()[pro - 1];
            } else {
                r.violation("proStatus", "must be 1 (待受理), 2 (已受理) or 3 (已办结)");
            }
        }
        String windowNo = r.string("windowNo");
        String hallCode = r.string("hallCode");
        HandlingMode mode;
        if (r.has("handleMode")) {
            mode = r.enumValue("handleMode", HandlingMode.class);
        } else {
            // Default for records from other systems: a hall case when a hall or window is named (an evaluation
            // record without either takes its mode from the channel, see modeOfChannel).
            mode = hallCode != null || windowNo != null ? HandlingMode.WINDOW : HandlingMode.FULLY_ONLINE;
        }
        BusinessKind kind = BusinessKind.APPLICATION;
        String serviceName = r.string("serviceName");
        if (serviceName != null) {
            kind = businessKind(serviceName);
            if (kind == null) {
                r.violation("serviceName", "must be one of 申报, 咨询, 补正, 缴费, 签收");
            }
        }
        return CaseRecord.builder()
                .caseNo(r.string("projectNo"))
                .item(r.string("taskCode"), r.string("taskName"))
                .handleItem(r.string("taskHandleItem"))
                .subItem(r.string("subMatter"))
                .department(r.string("deptCode"), r.string("proDepart"))
                .areaCode(r.string("areaCode"))
                .status(status)
                .staff(r.string("proManagerNo"), r.string("proManager"))
                .hallAndWindow(hallCode, windowNo)
                .acceptedAt(time(r, "acceptDate"))
                .completedAt(time(r, "resultDate"))
                .promisedAt(time(r, "promiseTime"))
                .businessKind(kind)
                .handlingMode(mode)
                .batchNo(r.string("batchNo"))
                .jointDeptCodes(split(r.string("jointDeptCodes")))
                .theme(r.string("themeCode"), split(r.string("relatedTaskCodes")))
                .build();
    }

    @Override
    public Decoded<Evaluation> readEvaluation(JsonNode node, String path) {
        List<Violation> violations = new ArrayList<>();
        if (!node.isObject()) {
            violations.add(new Violation(path.isEmpty() ? "$" : path, FieldReader.WIRE, "must be a JSON object"));
            return new Decoded<>(null, violations);
        }
        FieldReader r = new FieldReader(node, path, violations, true);
        CaseRecord c = caseFrom(r);
        Grade grade = null;
        Integer s = r.integer("satisfaction");
        if (s != null) {
            grade = satisfaction.grade(s);
            if (grade == null) {
                r.violation("satisfaction", "must be 1 to 5 (table " + satisfaction.name() + ")");
            }
        }
        Channel channel = channel(r);
        if (!r.has("handleMode") && c.hallCode() == null && c.windowNo() == null) {
            c = c.toBuilder().handlingMode(modeOfChannel(channel)).build();
        }
        Evaluation.Builder b = Evaluation.builder().caseRecord(c);
        b.grade(grade);
        b.channel(channel);
        List<String> codes = split(r.string("evalDetail"));
        b.indicators(codes);
        b.freeText(r.string("writingEvaluation"));
        b.evaluatedAt(time(r, "assessTime"));
        b.kind(kind(r));
        Integer visit = r.integer("serviceNumber");
        b.visitNo(visit == null ? 1 : visit);
        b.servedAt(time(r, "serviceTime"));
        b.staffNo(r.string("evaluatedStaffNo"));
        b.evaluationId(r.string("evaluationId"));
        b.appendsTo(r.string("appendsTo"));
        b.evaluator(evaluator(r));
        b.scope(r.has("evalScope") ? r.enumValue("evalScope", EvaluationScope.class) : EvaluationScope.CASE);
        EvaluationStage stage;
        if (r.has("evalStage")) {
            stage = r.enumValue("evalStage", EvaluationStage.class);
        } else {
            stage = c.status() == CaseStatus.COMPLETED ? EvaluationStage.AT_COMPLETION : EvaluationStage.AT_RECEIPT;
        }
        b.stage(stage);
        b.targets(r.has("evalTargets") ? parseTargets(r) : defaultTargets(codes, stage));
        r.raw("certKey"); // read and not kept: it is derived from userCert and userName (de-identified link)
        return new Decoded<>(b.build(), violations);
    }

    private Channel channel(FieldReader r) {
        Integer pf = r.integer("pf");
        Channel fromPf = null;
        if (pf != null) {
            fromPf = channels.channel(pf);
            if (fromPf == null) {
                r.violation("pf", "code " + pf + " names no evaluator channel in table " + channels.name());
            }
        }
        if (!r.has("channel")) {
            return fromPf;
        }
        Channel named = r.enumValue("channel", Channel.class);
        if (named != null && pf != null && channels.code(named) != pf) {
            r.violation("channel", "does not agree with pf " + pf + " (table " + channels.name() + ")");
        }
        return named;
    }

    /**
     * Without the handleMode extension and without a hall or window: the channel tells where the case was handled.
     * Window evaluators and QR codes are hall channels (Art. 10(一)(二)), a self-service terminal is one too (Art. 10(三),
     * Art. 11), anything else is read as 全程网办.
     */
    private static HandlingMode modeOfChannel(Channel channel) {
        if (channel == Channel.SELF_SERVICE_TERMINAL) {
            return HandlingMode.SELF_SERVICE;
        }
        if (channel == Channel.WINDOW_EVALUATOR || channel == Channel.STATIC_QR_CODE
                || channel == Channel.DYNAMIC_QR_CODE || channel == Channel.SUGGESTION_BOX) {
            return HandlingMode.WINDOW;
        }
        return HandlingMode.FULLY_ONLINE;
    }

    private static EvaluationKind kind(FieldReader r) {
        Integer type = r.integer("evaluateType");
        Integer number = r.integer("assessNumber");
        if (type != null && type != 1 && type != 2) {
            r.violation("evaluateType", "must be 1 (first) or 2 (appended, 追加)");
            return null;
        }
        if (number != null && number != 1 && number != 2) {
            r.violation("assessNumber", "must be 1 (first) or 2 (appended, 追加)");
            return null;
        }
        if (type != null && number != null && !type.equals(number)) {
            r.violation("assessNumber", "does not agree with evaluateType");
        }
        Integer code = type != null ? type : number;
        return code != null && code == 2 ? EvaluationKind.APPENDED : EvaluationKind.ACTIVE;
    }

    private static Evaluator evaluator(FieldReader r) {
        Integer prop = r.integer("userProp");
        EvaluatorKind kind = null;
        if (prop != null) {
            kind = EvaluatorKind.fromNationalCode(prop);
            if (kind == null) {
                r.violation("userProp", "must be 1-6 or 9");
            }
        }
        String certType = r.string("userPageType");
        CertificateType type = null;
        if (certType != null) {
            type = CertificateType.fromNationalCode(certType);
            if (type == null) {
                r.violation("userPageType", "is not a known certificate type code (111 居民身份证, ...)");
            }
        }
        String name = r.string("userName");
        String cert = r.string("userCert");
        String mobile = r.string("mobile");
        if (prop == null && name == null && cert == null && certType == null && mobile == null) {
            return null;
        }
        return Evaluator.builder().kind(kind).name(name).certificate(type, cert).mobile(mobile).build();
    }

    private static Set<Target> parseTargets(FieldReader r) {
        Set<Target> out = EnumSet.noneOf(Target.class);
        for (String t : split(r.string("evalTargets"))) {
            try {
                if (!out.add(Target.valueOf(t))) {
                    r.violation("evalTargets", "Art. 6", t + " is listed twice");
                    return out;
                }
            } catch (IllegalArgumentException e) {
                r.violation("evalTargets", "must list SERVICE_ITEM and/or SERVICE_STAFF, comma-separated");
                return out;
            }
        }
        return out;
    }

    /**
     * Without the extension: the targets of the chosen indicators, else what the stage allows: the staff before
     * completion (a hall tablet's record of a visit; Art. 11 evaluates the item only after completion), the service
     * item after it.
     */
    private static Set<Target> defaultTargets(List<String> codes, EvaluationStage stage) {
        Set<Target> out = EnumSet.noneOf(Target.class);
        for (String code : codes) {
            Indicator i = IndicatorCatalogue.standard().find(code);
            if (i != null) {
                out.add(i.target());
            }
        }
        if (out.isEmpty()) {
            out.add(stage == EvaluationStage.AT_RECEIPT ? Target.SERVICE_STAFF : Target.SERVICE_ITEM);
        }
        return out;
    }

    private static OffsetDateTime time(FieldReader r, String field) {
        return r.localDateTime(field, TIME, ZONE, EXAMPLE);
    }

    private static String serviceName(BusinessKind kind) {
        return kind == BusinessKind.QUERY_CONSULTATION ? "咨询" : kind.chineseName();
    }

    private static BusinessKind businessKind(String serviceName) {
        if ("咨询".equals(serviceName) || "查询咨询".equals(serviceName)) {
            return BusinessKind.QUERY_CONSULTATION;
        }
        for (BusinessKind k : BusinessKind.values()) {
            if (k.chineseName().equals(serviceName)) {
                return k;
            }
        }
        return null;
    }

    private static String targets(Set<Target> targets) {
        List<String> names = new ArrayList<>();
        for (Target t : targets) {
            names.add(t.name());
        }
        return join(names);
    }

    private static String join(Collection<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        return sb.toString();
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.trim().isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (String part : joined.split(",", -1)) {
            out.add(part.trim());
        }
        return out;
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void put(ObjectNode o, String field, OffsetDateTime value) {
        if (value != null) {
            o.put(field, value.atZoneSameInstant(ZONE).format(TIME));
        }
    }
}
