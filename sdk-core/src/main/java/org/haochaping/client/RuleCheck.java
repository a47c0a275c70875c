package org.haochaping.client;

import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The rules applied to records before anything is sent (interface-spec 1.4): every violation of every record, with
 * paths starting {@code [i]}, in one {@link ValidationException}. Off only for the conformance kit playing a
 * misbehaving client ({@code org.haochaping.internal.ConformanceKitAccess}).
 */
final class RuleCheck {

    static final RuleCheck STANDARD = new RuleCheck(EvaluationPolicy.standard());
    static final RuleCheck OFF = new RuleCheck(null);

    private final EvaluationPolicy policy;

    private RuleCheck(EvaluationPolicy policy) {
        this.policy = policy;
    }

    boolean isOn() {
        return policy != null;
    }

    void evaluations(List<Evaluation> evaluations) {
        check(evaluations, e -> policy.violations(e));
    }

    void cases(List<CaseRecord> cases) {
        check(cases, c -> policy.violations(c));
    }

    /** At most {@value HcpClient#MAX_RECORDS} records per submission (5.1), checked whether the rules are on or not. */
    static void count(List<?> records) {
        if (records == null) {
            throw new NullPointerException("records");
        }
        if (records.isEmpty() || records.size() > HcpClient.MAX_RECORDS) {
            throw new IllegalArgumentException("a submission holds 1 to " + HcpClient.MAX_RECORDS + " records, not "
                    + records.size() + " (interface-spec 5.1)");
        }
    }

    private <T> void check(List<T> records, Function<T, List<Violation>> rules) {
        count(records);
        if (policy == null) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            for (Violation v : rules.apply(records.get(i))) {
                violations.add(new Violation("[" + i + "]." + v.path(), v.rule(), v.message()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(Collections.unmodifiableList(violations));
        }
    }
}
