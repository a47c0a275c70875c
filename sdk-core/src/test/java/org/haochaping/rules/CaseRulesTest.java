package org.haochaping.rules;

import org.haochaping.Fixtures;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.HandlingMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The case record (办件) as the unified specification (Art. 5) and the batch, joint and theme rules need it. */
class CaseRulesTest {

    private static final EvaluationPolicy POLICY = EvaluationPolicy.standard();

    @Test
    void theFixturesAreValidCases() {
        for (CaseRecord c : List.of(Fixtures.windowCase(), Fixtures.windowCaseInProgress(), Fixtures.onlineCase(),
                Fixtures.selfServiceCase(), Fixtures.batchCase("TJ1"), Fixtures.jointCase(CaseStatus.ACCEPTED),
                Fixtures.jointCase(CaseStatus.COMPLETED), Fixtures.themeCase("TJ2", "ITEM-FOOD"),
                Fixtures.queryCase(HandlingMode.WINDOW))) {
            assertThat(POLICY.violations(c)).as("%s", c).isEmpty();
            assertThat(POLICY.check(c)).isSameAs(c);
        }
    }

    @Test
    void aPendingCaseNeedsNoTimes() {
        CaseRecord pending = Fixtures.windowCaseBuilder().status(CaseStatus.PENDING).acceptedAt(null)
                .completedAt(null).promisedAt(null).build();
        assertThat(POLICY.violations(pending)).isEmpty();
    }

    @Test
    void everyRequiredFieldIsNamed() {
        CaseRecord empty = CaseRecord.builder().businessKind(null).build();
        assertThat(POLICY.violations(empty)).extracting(Violation::path, Violation::rule).containsExactly(
                tuple("caseNo", "Art. 5"), tuple("itemCode", "Art. 5"), tuple("itemName", "Art. 5"),
                tuple("deptCode", "Art. 5"), tuple("areaCode", "Art. 5"), tuple("handlingMode", "Art. 5"),
                tuple("businessKind", "Art. 5"), tuple("status", "Art. 5"));
        assertThatThrownBy(() -> POLICY.check(empty)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("8 violations: caseNo: is required: 办件编号 (Art. 5)");
    }

    @Test
    void blankIsMissing() {
        assertThat(POLICY.violations(Fixtures.windowCaseBuilder().item(" ", "\t").build()))
                .extracting(Violation::path).containsExactly("itemCode", "itemName");
    }

    @Test
    void lengthsAndCharacters() {
        CaseRecord c = Fixtures.windowCaseBuilder()
                .caseNo("TJ" + "0".repeat(49))
                .item("A B", "名".repeat(201))
                .handleItem("办理\u0000项")
                .hallAndWindow("H".repeat(51), "W".repeat(21))
                .staff("S".repeat(33), "姓".repeat(51))
                .build();
        assertThat(POLICY.violations(c)).extracting(Violation::path, Violation::rule).containsExactly(
                tuple("caseNo", "Art. 5"), tuple("itemCode", "Art. 5"), tuple("itemName", "Art. 5"),
                tuple("handleItem", "Art. 5"), tuple("hallCode", "Art. 5"), tuple("windowNo", "Art. 5"),
                tuple("staffNo", "Art. 5"), tuple("staffName", "Art. 5"));
        assertThat(POLICY.violations(c).get(0).message()).isEqualTo("is 51 characters long; at most 50 are allowed");
        assertThat(POLICY.violations(Fixtures.windowCaseBuilder().caseNo("TJ" + "0".repeat(48)).build())).isEmpty();
    }

    @Test
    void departmentAndAreaAreChecked() {
        CaseRecord c = Fixtures.windowCaseBuilder().department("11120000MB01234567", null).areaCode("1201").build();
        assertThat(POLICY.violations(c)).extracting(Violation::path, Violation::rule, Violation::message)
                .containsExactly(
                        tuple("deptCode", "Art. 5; GB 32100",
                                "is not a valid 统一社会信用代码: check character does not match (GB 32100 MOD 31)"),
                        tuple("areaCode", "Art. 5; GB/T 2260", "is not a 行政区划代码: must be 6 or 12 digits (GB/T 2260)"));
    }

    @Test
    void timesAgreeWithTheStatus() {
        assertThat(POLICY.violations(Fixtures.windowCaseBuilder().status(CaseStatus.ACCEPTED).acceptedAt(null)
                .build())).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("acceptedAt", "Art. 5"), tuple("completedAt", "Art. 5"));
        assertThat(POLICY.violations(Fixtures.windowCaseBuilder().completedAt(null).build()))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("completedAt", "Art. 16"));
        assertThat(POLICY.violations(Fixtures.windowCaseBuilder().completedAt(Fixtures.at("2026-03-01T09:00:00"))
                .promisedAt(Fixtures.at("2026-03-01T09:00:00")).build()))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("completedAt", "Art. 5"), tuple("promisedAt", "Art. 5"));
    }

    @Test
    void timesInAnotherOffsetAreComparedAsInstants() {
        // 01:30 UTC is 09:30 in Beijing: after the 09:00 acceptance.
        CaseRecord c = Fixtures.windowCaseBuilder().status(CaseStatus.ACCEPTED).completedAt(null)
                .acceptedAt(Fixtures.at("2026-03-02T09:00:00"))
                .promisedAt(java.time.OffsetDateTime.parse("2026-03-02T01:30:00Z")).build();
        assertThat(POLICY.violations(c)).isEmpty();
    }

    @Test
    void relatedItemsNeedATheme() {
        assertThat(POLICY.violations(Fixtures.windowCaseBuilder().theme(null, List.of("ITEM-A", "ITEM A")).build()))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("relatedItemCodes", "Art. 14"), tuple("relatedItemCodes[1]", "Art. 5"));
    }

    @Test
    void noCaseAtAll() {
        assertThat(CaseRules.violations(null)).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("case", "Art. 5"));
        assertThat(POLICY.violations(Fixtures.itemEvaluation(Fixtures.windowCase()).caseRecord(null).build()))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("case", "Art. 5"));
    }

    @Test
    void casesAreValuesComparedByInstant() {
        CaseRecord beijing = Fixtures.windowCase();
        CaseRecord utc = beijing.toBuilder().acceptedAt(Fixtures.ACCEPTED_AT.withOffsetSameInstant(java.time.ZoneOffset.UTC))
                .build();
        assertThat(utc).isEqualTo(beijing).hasSameHashCodeAs(beijing);
        assertThat(beijing.toBuilder().build()).isEqualTo(beijing);
        assertThat(beijing.toBuilder().batchNo("X").build()).isNotEqualTo(beijing);
        assertThatThrownBy(() -> beijing.jointDeptCodes().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }
}
