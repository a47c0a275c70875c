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

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.haochaping.wire.NationalFields.*;

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
 *
 * <p>Every field is named once, in the field table {@link NationalFields}; this class holds what spans fields: the
 * defaults for foreign records and the agreement of pf with channel and of evaluateType with assessNumber.
 */
final class NationalProfile extends WireProfile {

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

    SatisfactionCodes satisfaction() {
        return satisfaction;
    }

    ChannelCodes channels() {
        return channels;
    }

    /**
     * The national field for a model path (from the field table); an index into a list stays (e.g.
     * {@code indicators[1]} → {@code evalDetail[1]}, the second code of the comma-separated list).
     */
    @Override
    public String wirePath(String modelPath) {
        int bracket = modelPath.indexOf('[');
        String base = bracket < 0 ? modelPath : modelPath.substring(0, bracket);
        String field = NationalFields.BY_MODEL_PATH.get(base);
        if (field == null) {
            return modelPath;
        }
        return bracket < 0 ? field : field + modelPath.substring(bracket);
    }

    @Override
    ObjectNode writeCase(CaseRecord c) {
        ObjectNode o = NODES.objectNode();
        writeCase(c, o, new ArrayList<>());
        return o;
    }

    private void writeCase(CaseRecord c, ObjectNode o, List<Violation> unrepresentable) {
        for (NationalField<CaseRecord, ?> f : NationalFields.CASE) {
            f.write(c, o, this, unrepresentable);
        }
    }

    @Override
    ObjectNode writeEvaluation(Evaluation e) {
        List<Violation> unrepresentable = new ArrayList<>();
        ObjectNode o = NODES.objectNode();
        if (e.caseRecord() != null) {
            writeCase(e.caseRecord(), o, unrepresentable);
        }
        for (NationalField<Evaluation, ?> f : NationalFields.EVALUATION) {
            f.write(e, o, this, unrepresentable);
        }
        if (!unrepresentable.isEmpty()) {
            throw new ValidationException(unrepresentable);
        }
        return o;
    }

    @Override
    Decoded<CaseRecord> readCase(JsonNode node, String path) {
        List<Violation> violations = new ArrayList<>();
        if (!node.isObject()) {
            violations.add(new Violation(path.isEmpty() ? "$" : path, FieldReader.WIRE, "must be a JSON object"));
            return new Decoded<>(null, violations);
        }
        return new Decoded<>(caseFrom(new FieldReader(node, path, violations, true)), violations);
    }

    private CaseRecord caseFrom(FieldReader r) {
        CaseStatus status = PRO_STATUS.read(r, this);
        String windowNo = WINDOW_NO.read(r, this);
        String hallCode = HALL_CODE.read(r, this);
        HandlingMode mode;
        if (HANDLE_MODE.presentIn(r)) {
            mode = HANDLE_MODE.read(r, this);
        } else {
            // Default for records from other systems: a hall case when a hall or window is named (an evaluation
            // record without either takes its mode from the channel, see modeOfChannel).
            mode = hallCode != null || windowNo != null ? HandlingMode.WINDOW : HandlingMode.FULLY_ONLINE;
        }
        BusinessKind kind = SERVICE_NAME_FIELD.read(r, this);
        return CaseRecord.builder()
                .caseNo(PROJECT_NO.read(r, this))
                .item(TASK_CODE.read(r, this), TASK_NAME.read(r, this))
                .handleItem(TASK_HANDLE_ITEM.read(r, this))
                .subItem(SUB_MATTER.read(r, this))
                .department(DEPT_CODE.read(r, this), PRO_DEPART.read(r, this))
                .areaCode(AREA_CODE.read(r, this))
                .status(status)
                .staff(PRO_MANAGER_NO.read(r, this), PRO_MANAGER.read(r, this))
                .hallAndWindow(hallCode, windowNo)
                .acceptedAt(ACCEPT_DATE.read(r, this))
                .completedAt(RESULT_DATE.read(r, this))
                .promisedAt(PROMISE_TIME.read(r, this))
                .businessKind(kind)
                .handlingMode(mode)
                .batchNo(BATCH_NO.read(r, this))
                .jointDeptCodes(JOINT_DEPT_CODES.read(r, this))
                .theme(THEME_CODE.read(r, this), RELATED_TASK_CODES.read(r, this))
                .build();
    }

    @Override
    Decoded<Evaluation> readEvaluation(JsonNode node, String path) {
        List<Violation> violations = new ArrayList<>();
        if (!node.isObject()) {
            violations.add(new Violation(path.isEmpty() ? "$" : path, FieldReader.WIRE, "must be a JSON object"));
            return new Decoded<>(null, violations);
        }
        FieldReader r = new FieldReader(node, path, violations, true);
        CaseRecord c = caseFrom(r);
        Grade grade = SATISFACTION_FIELD.read(r, this);
        Channel channel = channel(r);
        if (!HANDLE_MODE.presentIn(r) && c.hallCode() == null && c.windowNo() == null) {
            c = c.toBuilder().handlingMode(modeOfChannel(channel)).build();
        }
        Evaluation.Builder b = Evaluation.builder().caseRecord(c);
        b.grade(grade);
        b.channel(channel);
        List<String> codes = EVAL_DETAIL.read(r, this);
        b.indicators(codes);
        b.freeText(WRITING_EVALUATION.read(r, this));
        b.evaluatedAt(ASSESS_TIME.read(r, this));
        b.kind(EVALUATE_TYPE.read(r, this));
        b.visitNo(SERVICE_NUMBER.read(r, this));
        b.servedAt(SERVICE_TIME.read(r, this));
        b.staffNo(EVALUATED_STAFF_NO.read(r, this));
        b.evaluationId(EVALUATION_ID.read(r, this));
        b.appendsTo(APPENDS_TO.read(r, this));
        b.evaluator(evaluator(r));
        b.scope(EVAL_SCOPE.presentIn(r) ? EVAL_SCOPE.read(r, this) : EvaluationScope.CASE);
        EvaluationStage stage;
        if (EVAL_STAGE.presentIn(r)) {
            stage = EVAL_STAGE.read(r, this);
        } else {
            stage = c.status() == CaseStatus.COMPLETED ? EvaluationStage.AT_COMPLETION : EvaluationStage.AT_RECEIPT;
        }
        b.stage(stage);
        b.targets(EVAL_TARGETS.presentIn(r) ? EVAL_TARGETS.read(r, this) : defaultTargets(codes, stage));
        r.raw("certKey"); // read and not kept: it is derived from userCert and userName (de-identified link)
        return new Decoded<>(b.build(), violations);
    }

    /** pf, and the exact channel behind it when the extension is present (they must agree). */
    private Channel channel(FieldReader r) {
        Channel fromPf = PF_FIELD.read(r, this);
        if (!CHANNEL.presentIn(r)) {
            return fromPf;
        }
        Channel named = CHANNEL.read(r, this);
        Integer pf = r.hasInteger(PF_FIELD.wire) ? r.integer(PF_FIELD.wire) : null;
        if (named != null && pf != null && channels.code(named) != pf) {
            r.violation(CHANNEL.wire, "does not agree with pf " + pf + " (table " + channels.name() + ")");
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

    private Evaluator evaluator(FieldReader r) {
        EvaluatorKind kind = USER_PROP_FIELD.read(r, this);
        CertificateType type = USER_PAGE_TYPE_FIELD.read(r, this);
        String name = USER_NAME.read(r, this);
        String cert = USER_CERT.read(r, this);
        String mobile = MOBILE.read(r, this);
        // No evaluator when none of its fields holds a value (a code outside its table still counts as one).
        if (!r.hasInteger(USER_PROP_FIELD.wire) && name == null && cert == null
                && !r.hasString(USER_PAGE_TYPE_FIELD.wire) && mobile == null) {
            return null;
        }
        return Evaluator.builder().kind(kind).name(name).certificate(type, cert).mobile(mobile).build();
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
}
