package org.haochaping.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Arbitrary model values, not necessarily valid under the rules, restricted only to what a profile can represent.
 * The unified profile represents every value except a missing scope or kind (they have defaults). The national
 * profile also needs: times to the second, list elements without commas or surrounding blanks, a case with a
 * handling mode and business kind, at least one target, a stage, a channel its pf table has, no follow-up visits,
 * and an evaluator, when there is one, with at least one field.
 */
final class ModelArbitraries {

    private ModelArbitraries() {
    }

    /** Codes: ASCII letters, digits and a few separators; never a comma or a blank. */
    static Arbitrary<String> codes() {
        return Arbitraries.strings().alpha().numeric().withChars("-_./").ofMinLength(1).ofMaxLength(24);
    }

    /** Text: Chinese, mixed with ASCII and punctuation (full-width and JSON-special), or with supplementary characters. */
    static Arbitrary<String> texts() {
        Arbitrary<String> chinese = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(30);
        Arbitrary<String> mixed = Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').alpha().numeric()
                .withChars(" ，。、（）“”,.:;\"\\/\n\t'{}[]").ofMaxLength(60);
        Arbitrary<String> supplementary = Combinators.combine(chinese, Arbitraries.of("\uD840\uDC00", "\uD83D\uDE00",
                "\uD869\uDEA5"), chinese).as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(chinese, mixed, supplementary);
    }

    private static Arbitrary<String> anyString() {
        return Arbitraries.oneOf(codes(), texts());
    }

    /** Any instant from 1970 to 2100 at any offset, with or without a fraction of a second. */
    static Arbitrary<OffsetDateTime> unifiedTimes() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(0L, 4_102_444_800L);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
        Arbitrary<Integer> quarterHours = Arbitraries.integers().between(-12 * 4, 14 * 4);
        return Combinators.combine(seconds, nanos, quarterHours).as((s, n, q) ->
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n), ZoneOffset.ofTotalSeconds(q * 15 * 60)));
    }

    /**
     * To the second, from 2000 on (Asia/Shanghai has had no daylight saving time since 1991, so every local time
     * names one instant), at any offset: the national profile converts it to Beijing time.
     */
    static Arbitrary<OffsetDateTime> nationalTimes() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(946_684_800L, 4_102_444_800L);
        Arbitrary<Integer> quarterHours = Arbitraries.integers().between(-12 * 4, 14 * 4);
        return Combinators.combine(seconds, quarterHours).as((s, q) ->
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(s), ZoneOffset.ofTotalSeconds(q * 15 * 60)));
    }

    static Arbitrary<CaseRecord> cases(boolean national) {
        Arbitrary<String> listElement = national ? codes() : anyString();
        Arbitrary<OffsetDateTime> times = national ? nationalTimes() : unifiedTimes();
        Arbitrary<HandlingMode> modes = Arbitraries.of(HandlingMode.class);
        Arbitrary<BusinessKind> kinds = Arbitraries.of(BusinessKind.class);
        return Builders.withBuilder(CaseRecord::builder)
                .use(anyString().injectNull(0.1)).in(CaseRecord.Builder::caseNo)
                .use(Combinators.combine(anyString().injectNull(0.1), anyString().injectNull(0.1)).as(Pair::new))
                .in((b, p) -> b.item(p.first(), p.second()))
                .use(anyString().injectNull(0.3)).in(CaseRecord.Builder::handleItem)
                .use(anyString().injectNull(0.3)).in(CaseRecord.Builder::subItem)
                .use(Combinators.combine(anyString().injectNull(0.1), anyString().injectNull(0.3)).as(Pair::new))
                .in((b, p) -> b.department(p.first(), p.second()))
                .use(anyString().injectNull(0.1)).in(CaseRecord.Builder::areaCode)
                .use(Combinators.combine(anyString().injectNull(0.4), anyString().injectNull(0.4)).as(Pair::new))
                .in((b, p) -> b.hallAndWindow(p.first(), p.second()))
                .use(Combinators.combine(anyString().injectNull(0.4), anyString().injectNull(0.4)).as(Pair::new))
                .in((b, p) -> b.staff(p.first(), p.second()))
                .use(Arbitraries.of(CaseStatus.class).injectNull(0.1)).in(CaseRecord.Builder::status)
                .use(times.injectNull(0.2)).in(CaseRecord.Builder::acceptedAt)
                .use(times.injectNull(0.4)).in(CaseRecord.Builder::completedAt)
                .use(times.injectNull(0.4)).in(CaseRecord.Builder::promisedAt)
                .use(national ? modes : modes.injectNull(0.1)).in(CaseRecord.Builder::handlingMode)
                .use(kinds).in(CaseRecord.Builder::businessKind)
                .use(anyString().injectNull(0.6)).in(CaseRecord.Builder::batchNo)
                .use(listElement.list().ofMaxSize(3)).in(CaseRecord.Builder::jointDeptCodes)
                .use(Combinators.combine(anyString().injectNull(0.6), listElement.list().ofMaxSize(3)).as(Theme::new))
                .in((b, t) -> b.theme(t.code(), t.items()))
                .build(CaseRecord.Builder::build);
    }

    private record Pair(String first, String second) {
    }

    private record Theme(String code, List<String> items) {
    }

    static Arbitrary<Evaluator> evaluators(boolean national) {
        Arbitrary<Evaluator> any = Builders.withBuilder(Evaluator::builder)
                .use(Arbitraries.of(EvaluatorKind.class).injectNull(0.1)).in(Evaluator.Builder::kind)
                .use(anyString().injectNull(0.1)).in(Evaluator.Builder::name)
                .use(Combinators.combine(Arbitraries.of(CertificateType.class).injectNull(0.1),
                        anyString().injectNull(0.1)).as(Certificate::new))
                .in((b, c) -> b.certificate(c.type(), c.number()))
                .use(anyString().injectNull(0.3)).in(Evaluator.Builder::mobile)
                .build(Evaluator.Builder::build);
        if (!national) {
            return any;
        }
        return any.filter(e -> e.kind() != null || e.name() != null || e.certificateType() != null
                || e.certificateNumber() != null || e.mobile() != null);
    }

    private record Certificate(CertificateType type, String number) {
    }

    static Arbitrary<Evaluation> unifiedEvaluations() {
        return Builders.withBuilder(Evaluation::builder)
                .use(anyString().injectNull(0.3)).in(Evaluation.Builder::evaluationId)
                .use(cases(false).injectNull(0.1)).in(Evaluation.Builder::caseRecord)
                .use(Arbitraries.of(EvaluationScope.class)).in(Evaluation.Builder::scope)
                .use(Arbitraries.subsetOf(Target.values())).in(Evaluation.Builder::targets)
                .use(Arbitraries.of(Channel.class).injectNull(0.1)).in(Evaluation.Builder::channel)
                .use(Arbitraries.of(Grade.class).injectNull(0.1)).in(Evaluation.Builder::grade)
                .use(anyString().list().ofMaxSize(4)).in(Evaluation.Builder::indicators)
                .use(texts().injectNull(0.3)).in(Evaluation.Builder::freeText)
                .use(unifiedTimes().injectNull(0.1)).in(Evaluation.Builder::evaluatedAt)
                .use(Arbitraries.of(EvaluationKind.class)).in(Evaluation.Builder::kind)
                .use(Arbitraries.integers()).in(Evaluation.Builder::visitNo)
                .use(Arbitraries.of(EvaluationStage.class).injectNull(0.1)).in(Evaluation.Builder::stage)
                .use(unifiedTimes().injectNull(0.4)).in(Evaluation.Builder::servedAt)
                .use(anyString().injectNull(0.4)).in(Evaluation.Builder::staffNo)
                .use(evaluators(false).injectNull(0.1)).in(Evaluation.Builder::evaluator)
                .build(Evaluation.Builder::build);
    }

    static Arbitrary<Evaluation> nationalEvaluations(ChannelCodes pf) {
        return Builders.withBuilder(Evaluation::builder)
                .use(anyString().injectNull(0.3)).in(Evaluation.Builder::evaluationId)
                .use(cases(true)).in(Evaluation.Builder::caseRecord)
                .use(Arbitraries.of(EvaluationScope.class)).in(Evaluation.Builder::scope)
                .use(Arbitraries.subsetOf(Target.values()).ofMinSize(1)).in(Evaluation.Builder::targets)
                .use(Arbitraries.of(Channel.class).filter(c -> pf.code(c) != 0).injectNull(0.1))
                .in(Evaluation.Builder::channel)
                .use(Arbitraries.of(Grade.class).injectNull(0.1)).in(Evaluation.Builder::grade)
                .use(codes().list().ofMaxSize(4)).in(Evaluation.Builder::indicators)
                .use(texts().injectNull(0.3)).in(Evaluation.Builder::freeText)
                .use(nationalTimes().injectNull(0.1)).in(Evaluation.Builder::evaluatedAt)
                .use(Arbitraries.of(EvaluationKind.ACTIVE, EvaluationKind.APPENDED)).in(Evaluation.Builder::kind)
                .use(Arbitraries.integers().between(-999, 999_999)).in(Evaluation.Builder::visitNo)
                .use(Arbitraries.of(EvaluationStage.class)).in(Evaluation.Builder::stage)
                .use(nationalTimes().injectNull(0.4)).in(Evaluation.Builder::servedAt)
                .use(anyString().injectNull(0.4)).in(Evaluation.Builder::staffNo)
                .use(evaluators(true).injectNull(0.1)).in(Evaluation.Builder::evaluator)
                .build(Evaluation.Builder::build);
    }
}
