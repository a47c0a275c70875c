package org.haochaping.wire;

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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.haochaping.wire.NationalField.Converter;

/**
 * The national profile's field table (see {@code docs/interface-spec.md}, "National profile"): every field once, in
 * the order it is written, with the model accessor, the converter and the model paths that name it. Fields after
 * {@link #HANDLE_MODE} in the case table and after {@link #EVALUATION_ID} in the evaluation table are this SDK's
 * extensions (not in the national field list): what the national fields cannot hold, so that model → JSON → model is
 * lossless.
 */
final class NationalFields {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Strict: the default (smart) resolver would read 2026-02-30 as 2026-02-28 and 24:00:00 as the next day. */
    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String TIME_EXAMPLE = "2026-11-26 10:15:30";

    private NationalFields() {
    }

    // ---- converters ----

    static final Converter<String> TEXT = new Converter<>((v, p, u) -> v, (r, f, p) -> r.string(f));

    static final Converter<OffsetDateTime> TIME = new Converter<>(
            (v, p, u) -> v.atZoneSameInstant(ZONE).format(TIME_FORMAT),
            (r, f, p) -> r.localDateTime(f, TIME_FORMAT, ZONE, TIME_EXAMPLE));

    /** A list as comma-separated codes; an empty list is left out. */
    static final Converter<List<String>> CODE_LIST = new Converter<>((v, p, u) -> join(v),
            (r, f, p) -> split(r.string(f)));

    static <E extends Enum<E>> Converter<E> enumName(Class<E> type) {
        return new Converter<>((v, p, u) -> v.name(), (r, f, p) -> r.enumValue(f, type));
    }

    /** proStatus: 1 待受理, 2 已受理, 3 已办结 (the order of {@link CaseStatus}). */
    static final Converter<CaseStatus> CASE_STATUS = new Converter<>(
            (v, p, u) -> String.valueOf(v.ordinal() + 1),
            (r, f, p) -> {
                Integer code = r.integer(f);
                if (code == null) {
                    return null;
                }
                if (code >= 1 && code <= 3) {
                    return CaseStatus.values()[code - 1];
                }
                r.violation(f, "must be 1 (待受理), 2 (已受理) or 3 (已办结)");
                return null;
            });

    /** serviceName: the business kind's Chinese name (咨询 for 查询咨询); absent means 申报. */
    static final Converter<BusinessKind> SERVICE_NAME = new Converter<>(
            (v, p, u) -> v == BusinessKind.QUERY_CONSULTATION ? "咨询" : v.chineseName(),
            (r, f, p) -> {
                String name = r.string(f);
                if (name == null) {
                    return BusinessKind.APPLICATION;
                }
                BusinessKind kind = businessKind(name);
                if (kind == null) {
                    r.violation(f, "must be one of 申报, 咨询, 补正, 缴费, 签收");
                }
                return kind;
            });

    /** satisfaction: the grade's code in the profile's {@link SatisfactionCodes}. */
    static final Converter<Grade> SATISFACTION = new Converter<>(
            (v, p, u) -> String.valueOf(p.satisfaction().code(v)),
            (r, f, p) -> {
                Integer code = r.integer(f);
                if (code == null) {
                    return null;
                }
                Grade grade = p.satisfaction().grade(code);
                if (grade == null) {
                    r.violation(f, "must be 1 to 5 (table " + p.satisfaction().name() + ")");
                }
                return grade;
            });

    /** pf: the channel's code in the profile's {@link ChannelCodes}; a channel without a code cannot be sent. */
    static final Converter<Channel> PF = new Converter<>(
            (v, p, unrepresentable) -> {
                int pf = p.channels().code(v);
                if (pf == 0) {
                    unrepresentable.add(new Violation("channel", "Art. 9-10", v.chineseName()
                            + " has no pf code in national table " + p.channels().name()));
                    return null;
                }
                return String.valueOf(pf);
            },
            (r, f, p) -> {
                Integer pf = r.integer(f);
                if (pf == null) {
                    return null;
                }
                Channel channel = p.channels().channel(pf);
                if (channel == null) {
                    r.violation(f, "code " + pf + " names no evaluator channel in table " + p.channels().name());
                }
                return channel;
            });

    /**
     * evaluateType and assessNumber: 1 first, 2 appended (追加); both are written. A follow-up visit (回访) has no code:
     * the work-order interface carries it (Art. 22), and evaluateType reports it.
     */
    private static NationalField.Writer<EvaluationKind> evaluationNumber(boolean reportFollowUp) {
        return (v, p, unrepresentable) -> {
            if (v == EvaluationKind.FOLLOW_UP) {
                if (reportFollowUp) {
                    unrepresentable.add(new Violation("kind", "Art. 22", "a follow-up visit (回访) is reported "
                            + "through the work-order interface, not as a national evaluation record"));
                }
                return null;
            }
            return v == EvaluationKind.APPENDED ? "2" : "1";
        };
    }

    /** assessNumber: written beside evaluateType, read with it (see {@link #EVALUATION_KIND}). */
    static final Converter<EvaluationKind> ASSESS_NUMBER_CODE = new Converter<>(evaluationNumber(false), null);

    /** evaluateType, read together with assessNumber: either may be sent; when both are, they must agree. */
    static final Converter<EvaluationKind> EVALUATION_KIND = new Converter<>(evaluationNumber(true), (r, f, p) -> {
        String numberField = NationalFields.ASSESS_NUMBER.wire; // qualified: declared below
        Integer type = r.integer(f);
        Integer number = r.integer(numberField);
        if (type != null && type != 1 && type != 2) {
            r.violation(f, "must be 1 (first) or 2 (appended, 追加)");
            return null;
        }
        if (number != null && number != 1 && number != 2) {
            r.violation(numberField, "must be 1 (first) or 2 (appended, 追加)");
            return null;
        }
        if (type != null && number != null && !type.equals(number)) {
            r.violation(numberField, "does not agree with evaluateType");
        }
        Integer code = type != null ? type : number;
        return code != null && code == 2 ? EvaluationKind.APPENDED : EvaluationKind.ACTIVE;
    });

    /** serviceNumber: always written; absent reads as the first visit. */
    static final Converter<Integer> VISIT_NO = new Converter<>((v, p, u) -> String.valueOf(v), (r, f, p) -> {
        Integer visit = r.integer(f);
        return visit == null ? 1 : visit;
    });

    static final Converter<EvaluatorKind> USER_PROP = new Converter<>(
            (v, p, u) -> String.valueOf(v.nationalCode()),
            (r, f, p) -> {
                Integer code = r.integer(f);
                if (code == null) {
                    return null;
                }
                EvaluatorKind kind = EvaluatorKind.fromNationalCode(code);
                if (kind == null) {
                    r.violation(f, "must be 1-6 or 9");
                }
                return kind;
            });

    static final Converter<CertificateType> USER_PAGE_TYPE = new Converter<>(
            (v, p, u) -> v.nationalCode(),
            (r, f, p) -> {
                String code = r.string(f);
                if (code == null) {
                    return null;
                }
                CertificateType type = CertificateType.fromNationalCode(code);
                if (type == null) {
                    r.violation(f, "is not a known certificate type code (111 居民身份证, ...)");
                }
                return type;
            });

    /** evalTargets: target names, comma-separated. */
    static final Converter<Set<Target>> TARGETS = new Converter<>(
            (v, p, u) -> {
                List<String> names = new ArrayList<>();
                for (Target t : v) {
                    names.add(t.name());
                }
                return join(names);
            },
            (r, f, p) -> {
                Set<Target> out = EnumSet.noneOf(Target.class);
                for (String t : split(r.string(f))) {
                    try {
                        if (!out.add(Target.valueOf(t))) {
                            r.violation(f, "Art. 6", t + " is listed twice");
                            return out;
                        }
                    } catch (IllegalArgumentException e) {
                        r.violation(f, "must list SERVICE_ITEM and/or SERVICE_STAFF, comma-separated");
                        return out;
                    }
                }
                return out;
            });

    // ---- the case table, in the order written ----

    static final NationalField<CaseRecord, String> PROJECT_NO =
            new NationalField<>("projectNo", CaseRecord::caseNo, TEXT, "case.caseNo", "case");
    static final NationalField<CaseRecord, String> TASK_CODE =
            new NationalField<>("taskCode", CaseRecord::itemCode, TEXT, "case.itemCode");
    static final NationalField<CaseRecord, String> TASK_NAME =
            new NationalField<>("taskName", CaseRecord::itemName, TEXT, "case.itemName");
    static final NationalField<CaseRecord, String> TASK_HANDLE_ITEM =
            new NationalField<>("taskHandleItem", CaseRecord::handleItem, TEXT, "case.handleItem");
    static final NationalField<CaseRecord, String> SUB_MATTER =
            new NationalField<>("subMatter", CaseRecord::subItem, TEXT, "case.subItem");
    static final NationalField<CaseRecord, String> DEPT_CODE =
            new NationalField<>("deptCode", CaseRecord::deptCode, TEXT, "case.deptCode");
    static final NationalField<CaseRecord, String> PRO_DEPART =
            new NationalField<>("proDepart", CaseRecord::deptName, TEXT, "case.deptName");
    static final NationalField<CaseRecord, String> AREA_CODE =
            new NationalField<>("areaCode", CaseRecord::areaCode, TEXT, "case.areaCode");
    static final NationalField<CaseRecord, CaseStatus> PRO_STATUS =
            new NationalField<>("proStatus", CaseRecord::status, CASE_STATUS, "case.status");
    static final NationalField<CaseRecord, String> PRO_MANAGER =
            new NationalField<>("proManager", CaseRecord::staffName, TEXT, "case.staffName");
    static final NationalField<CaseRecord, String> PRO_MANAGER_NO =
            new NationalField<>("proManagerNo", CaseRecord::staffNo, TEXT, "case.staffNo");
    static final NationalField<CaseRecord, String> WINDOW_NO =
            new NationalField<>("windowNo", CaseRecord::windowNo, TEXT, "case.windowNo");
    static final NationalField<CaseRecord, String> HALL_CODE =
            new NationalField<>("hallCode", CaseRecord::hallCode, TEXT, "case.hallCode");
    static final NationalField<CaseRecord, OffsetDateTime> ACCEPT_DATE =
            new NationalField<>("acceptDate", CaseRecord::acceptedAt, TIME, "case.acceptedAt");
    static final NationalField<CaseRecord, OffsetDateTime> RESULT_DATE =
            new NationalField<>("resultDate", CaseRecord::completedAt, TIME, "case.completedAt");
    static final NationalField<CaseRecord, OffsetDateTime> PROMISE_TIME =
            new NationalField<>("promiseTime", CaseRecord::promisedAt, TIME, "case.promisedAt");
    static final NationalField<CaseRecord, BusinessKind> SERVICE_NAME_FIELD =
            new NationalField<>("serviceName", CaseRecord::businessKind, SERVICE_NAME, "case.businessKind");
    // Extensions: what decides the evaluation rules.
    static final NationalField<CaseRecord, HandlingMode> HANDLE_MODE = new NationalField<>("handleMode",
            CaseRecord::handlingMode, enumName(HandlingMode.class), "case.handlingMode");
    static final NationalField<CaseRecord, String> BATCH_NO =
            new NationalField<>("batchNo", CaseRecord::batchNo, TEXT, "case.batchNo");
    static final NationalField<CaseRecord, List<String>> JOINT_DEPT_CODES =
            new NationalField<>("jointDeptCodes", CaseRecord::jointDeptCodes, CODE_LIST, "case.jointDeptCodes");
    static final NationalField<CaseRecord, String> THEME_CODE =
            new NationalField<>("themeCode", CaseRecord::themeCode, TEXT, "case.themeCode");
    static final NationalField<CaseRecord, List<String>> RELATED_TASK_CODES = new NationalField<>(
            "relatedTaskCodes", CaseRecord::relatedItemCodes, CODE_LIST, "case.relatedItemCodes");

    static final List<NationalField<CaseRecord, ?>> CASE = Collections.unmodifiableList(Arrays.asList(
            PROJECT_NO, TASK_CODE, TASK_NAME, TASK_HANDLE_ITEM, SUB_MATTER, DEPT_CODE, PRO_DEPART, AREA_CODE,
            PRO_STATUS, PRO_MANAGER, PRO_MANAGER_NO, WINDOW_NO, HALL_CODE, ACCEPT_DATE, RESULT_DATE, PROMISE_TIME,
            SERVICE_NAME_FIELD, HANDLE_MODE, BATCH_NO, JOINT_DEPT_CODES, THEME_CODE, RELATED_TASK_CODES));

    // ---- the evaluation table (written after the case's fields), in the order written ----

    static final NationalField<Evaluation, Grade> SATISFACTION_FIELD =
            new NationalField<>("satisfaction", Evaluation::grade, SATISFACTION, "grade");
    static final NationalField<Evaluation, Channel> PF_FIELD =
            new NationalField<>("pf", Evaluation::channel, PF, "channel");
    /** The exact channel behind a shared pf code (an extension, written beside pf). */
    static final NationalField<Evaluation, Channel> CHANNEL =
            new NationalField<>("channel", Evaluation::channel, enumName(Channel.class));
    static final NationalField<Evaluation, List<String>> EVAL_DETAIL =
            new NationalField<>("evalDetail", Evaluation::indicatorCodes, CODE_LIST, "indicators");
    static final NationalField<Evaluation, String> WRITING_EVALUATION =
            new NationalField<>("writingEvaluation", Evaluation::freeText, TEXT, "freeText");
    static final NationalField<Evaluation, OffsetDateTime> ASSESS_TIME =
            new NationalField<>("assessTime", Evaluation::evaluatedAt, TIME, "evaluatedAt");
    static final NationalField<Evaluation, EvaluationKind> ASSESS_NUMBER =
            new NationalField<>("assessNumber", Evaluation::kind, ASSESS_NUMBER_CODE);
    static final NationalField<Evaluation, EvaluationKind> EVALUATE_TYPE =
            new NationalField<>("evaluateType", Evaluation::kind, EVALUATION_KIND, "kind");
    static final NationalField<Evaluation, Integer> SERVICE_NUMBER =
            new NationalField<>("serviceNumber", Evaluation::visitNo, VISIT_NO, "visitNo");
    static final NationalField<Evaluation, OffsetDateTime> SERVICE_TIME =
            new NationalField<>("serviceTime", Evaluation::servedAt, TIME, "servedAt");
    static final NationalField<Evaluation, EvaluatorKind> USER_PROP_FIELD =
            new NationalField<>("userProp", evaluator(Evaluator::kind), USER_PROP, "evaluator.kind");
    static final NationalField<Evaluation, String> USER_NAME =
            new NationalField<>("userName", evaluator(Evaluator::name), TEXT, "evaluator.name", "evaluator");
    static final NationalField<Evaluation, CertificateType> USER_PAGE_TYPE_FIELD = new NationalField<>(
            "userPageType", evaluator(Evaluator::certificateType), USER_PAGE_TYPE, "evaluator.certificateType");
    static final NationalField<Evaluation, String> USER_CERT = new NationalField<>(
            "userCert", evaluator(Evaluator::certificateNumber), TEXT, "evaluator.certificateNumber");
    static final NationalField<Evaluation, String> MOBILE =
            new NationalField<>("mobile", evaluator(Evaluator::mobile), TEXT, "evaluator.mobile");
    // Extensions.
    static final NationalField<Evaluation, String> EVALUATION_ID =
            new NationalField<>("evaluationId", Evaluation::evaluationId, TEXT, "evaluationId");
    static final NationalField<Evaluation, Set<Target>> EVAL_TARGETS =
            new NationalField<>("evalTargets", Evaluation::targets, TARGETS, "targets");
    static final NationalField<Evaluation, EvaluationScope> EVAL_SCOPE =
            new NationalField<>("evalScope", Evaluation::scope, enumName(EvaluationScope.class), "scope");
    static final NationalField<Evaluation, EvaluationStage> EVAL_STAGE =
            new NationalField<>("evalStage", Evaluation::stage, enumName(EvaluationStage.class), "stage");
    static final NationalField<Evaluation, String> EVALUATED_STAFF_NO =
            new NationalField<>("evaluatedStaffNo", Evaluation::staffNo, TEXT, "staffNo");
    static final NationalField<Evaluation, String> APPENDS_TO =
            new NationalField<>("appendsTo", Evaluation::appendsTo, TEXT, "appendsTo");

    static final List<NationalField<Evaluation, ?>> EVALUATION = Collections.unmodifiableList(Arrays.asList(
            SATISFACTION_FIELD, PF_FIELD, CHANNEL, EVAL_DETAIL, WRITING_EVALUATION, ASSESS_TIME, ASSESS_NUMBER,
            EVALUATE_TYPE, SERVICE_NUMBER, SERVICE_TIME, USER_PROP_FIELD, USER_NAME, USER_PAGE_TYPE_FIELD, USER_CERT,
            MOBILE, EVALUATION_ID, EVAL_TARGETS, EVAL_SCOPE, EVAL_STAGE, EVALUATED_STAFF_NO, APPENDS_TO));

    /** Model paths → national fields, derived from both tables (see {@link NationalProfile#wirePath}). */
    static final Map<String, String> BY_MODEL_PATH;

    static {
        Map<String, String> byPath = new HashMap<>();
        List<NationalField<?, ?>> all = new ArrayList<>(CASE);
        all.addAll(EVALUATION);
        for (NationalField<?, ?> f : all) {
            for (String path : f.modelPaths) {
                if (byPath.put(path, f.wire) != null) {
                    throw new IllegalStateException("model path " + path + " is named by two national fields");
                }
            }
        }
        BY_MODEL_PATH = Collections.unmodifiableMap(byPath);
    }

    private static <V> Function<Evaluation, V> evaluator(Function<Evaluator, V> accessor) {
        return e -> e.evaluator() == null ? null : accessor.apply(e.evaluator());
    }

    static BusinessKind businessKind(String serviceName) {
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

    static String join(Collection<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        return sb.toString();
    }

    static List<String> split(String joined) {
        if (joined == null || joined.trim().isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (String part : joined.split(",", -1)) {
            out.add(part.trim());
        }
        return out;
    }
}
