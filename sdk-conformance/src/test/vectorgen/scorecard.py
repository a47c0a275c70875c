#!/usr/bin/env python3
"""Makes sdk-conformance/src/main/resources/vectors/scorecard_test.json.

The expected figures are worked out by hand from docs/interface-spec.md section 2 ("How records are counted"; the
working is in each case's comment) and written here as literals. The script only re-does the arithmetic with exact
fractions and half-up rounding as a check on the hand working (it refuses to write a file that disagrees), never
with the SDK. Run from the repository root: python3 sdk-conformance/src/test/vectorgen/scorecard.py
"""
import json
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

OUT = "sdk-conformance/src/main/resources/vectors/scorecard_test.json"
SCORE = {"VERY_SATISFIED": 10, "SATISFIED": 10, "BASICALLY_SATISFIED": 8, "DISSATISFIED": 5, "VERY_DISSATISFIED": 0}
T = "2024-10-08T10:15:00+08:00"


def ev(eid, grade, **extra):
    r = {"kind": "evaluation", "evaluationId": eid, "caseNo": "C-" + eid, "deptCode": "D1", "areaCode": "120101",
         "grade": grade, "evaluatedAt": T}
    r.update(extra)
    return r


def un(case):
    return {"kind": "unevaluated", "caseNo": case, "deptCode": "D1", "areaCode": "120101",
            "completedAt": "2024-09-27T16:00:00+08:00"}


def wo(eid, state, follow=None):
    r = {"kind": "workOrder", "orderNo": "WO-" + eid, "evaluationId": eid, "state": state}
    if follow:
        r["followUp"] = follow
    return r


VALID = [
    ("the example of section 2: one rectified bad review followed up 满意, one good, one 未评. average 15/2 = 7.5; "
     "active 2/3 = 66.67; good, 未评, bad 1/3 each = 33.33; composite (30*75 + 15*200/3 + 30*100 + 25*100)/100 = 87.50",
     "30,15,30,25",
     [ev("E4", "DISSATISFIED", hallCode="H1", staffNo="S2"), ev("G1", "SATISFIED"), un("C-U1"),
      wo("E4", "FOLLOWED_UP", "SATISFIED")],
     dict(totalEvaluations=3, evaluations=2, evaluatedCases=2, unevaluated=1, notAdopted=0, goodReviews=1, badReviews=1, rectified=1,
          satisfiedFollowUps=1, averageScore="7.50", serviceQuality="75.00", activeEvaluationRate="66.67",
          rectificationRate="100.00", followUpSatisfactionRate="100.00", goodRate="33.33", unevaluatedRate="33.33",
          badRate="33.33", composite="87.50")),
    ("no records: nothing to score, no composite (issue 12 point 19; before, 55.00); quality and shares 0, the two "
     "rates nothing was owed for 100",
     "30,15,30,25", [],
     dict(totalEvaluations=0, evaluations=0, evaluatedCases=0, unevaluated=0, notAdopted=0, goodReviews=0, badReviews=0,
          rectified=0, satisfiedFollowUps=0, averageScore="0.00", serviceQuality="0.00", activeEvaluationRate="0.00",
          rectificationRate="100.00", followUpSatisfactionRate="100.00", goodRate="0.00", unevaluatedRate="0.00",
          badRate="0.00", composite=None)),
    ("DISMISSED (Art. 19) and INVALIDATED (Art. 21) bad reviews are not adopted and count as 未评 in the shares "
     "(Art. 24) but leave both sides of the active rate (Art. 23); adopted 10+8+5+0+5+5 = 33 over 6 = 5.50; active "
     "6 evaluated cases / (6 + 0 timed out) = 100 (before: 6/8 = 75); valid bad 4 (RECTIFYING, no order, FOLLOWED_UP, "
     "RECTIFIED), rectified 2 = 50; satisfied follow-ups 0/2 = 0; good 2/8, 未评 2/8, bad 4/8; composite "
     "(30*55 + 15*100 + 30*50 + 0)/100 = 46.50",
     "30,15,30,25",
     [ev("A", "VERY_DISSATISFIED"), ev("B", "DISSATISFIED"), ev("C", "VERY_SATISFIED"), ev("D", "BASICALLY_SATISFIED"),
      ev("F", "DISSATISFIED"), ev("H", "VERY_DISSATISFIED"), ev("I", "DISSATISFIED"), ev("J", "DISSATISFIED"),
      wo("A", "DISMISSED"), wo("B", "INVALIDATED"), wo("F", "RECTIFYING"), wo("I", "FOLLOWED_UP", "DISSATISFIED"),
      wo("J", "RECTIFIED")],
     dict(totalEvaluations=8, evaluations=6, evaluatedCases=6, unevaluated=2, notAdopted=2, goodReviews=2, badReviews=4,
          rectified=2, satisfiedFollowUps=0, averageScore="5.50", serviceQuality="55.00", activeEvaluationRate="100.00",
          rectificationRate="50.00", followUpSatisfactionRate="0.00", goodRate="25.00", unevaluatedRate="25.00",
          badRate="50.00", composite="46.50")),
    ("weights 40,20,20,20: average 28/3 = 9.33, quality 93.33; active 3/7 = 42.86; 未评 4/7 = 57.14; composite from "
     "the exact figures (40*280/3 + 20*300/7 + 20*100 + 20*100)/100 = 180400/2100 = 85.90",
     "40,20,20,20",
     [ev("K1", "SATISFIED"), ev("K2", "SATISFIED"), ev("K3", "BASICALLY_SATISFIED"), un("C-U1"), un("C-U2"),
      un("C-U3"), un("C-U4")],
     dict(totalEvaluations=7, evaluations=3, evaluatedCases=3, unevaluated=4, notAdopted=0, goodReviews=3, badReviews=0, rectified=0,
          satisfiedFollowUps=0, averageScore="9.33", serviceQuality="93.33", activeEvaluationRate="42.86",
          rectificationRate="100.00", followUpSatisfactionRate="100.00", goodRate="42.86", unevaluatedRate="57.14",
          badRate="0.00", composite="85.90")),
    ("rounding half up: average 61/8 = 7.625 -> 7.63 (half-even would give 7.62), quality 76.25; two bad reviews "
     "without orders: rectification 0/2 = 0, follow-up 100 (nothing owed); composite "
     "(30*76.25 + 15*100 + 0 + 25*100)/100 = 62.875 -> 62.88",
     "30,15,30,25",
     [ev("R1", "VERY_SATISFIED"), ev("R2", "VERY_SATISFIED"), ev("R3", "SATISFIED"), ev("R4", "SATISFIED"),
      ev("R5", "BASICALLY_SATISFIED"), ev("R6", "BASICALLY_SATISFIED"), ev("R7", "DISSATISFIED"),
      ev("R8", "VERY_DISSATISFIED")],
     dict(totalEvaluations=8, evaluations=8, evaluatedCases=8, unevaluated=0, notAdopted=0, goodReviews=6, badReviews=2, rectified=0,
          satisfiedFollowUps=0, averageScore="7.63", serviceQuality="76.25", activeEvaluationRate="100.00",
          rectificationRate="0.00", followUpSatisfactionRate="100.00", goodRate="75.00", unevaluatedRate="0.00",
          badRate="25.00", composite="62.88")),
]

TWO_VISITS = [ev("V1", "SATISFIED", caseNo="C-1"), ev("V2", "VERY_SATISFIED", caseNo="C-1"), un("C-2")]
COMMON_TWO_VISITS = dict(totalEvaluations=3, evaluations=2, evaluatedCases=1, unevaluated=1, notAdopted=0, goodReviews=2,
                         badReviews=0, rectified=0, satisfiedFollowUps=0, averageScore="10.00", serviceQuality="100.00",
                         rectificationRate="100.00", followUpSatisfactionRate="100.00", goodRate="66.67",
                         unevaluatedRate="33.33", badRate="0.00")
VALID += [
    ("Art. 23, denominator: 3 good cases, one bad review dismissed (Art. 19), one invalidated (Art. 21), one case "
     "timed out. Active 3 / (3 + 1) = 75 (before: 3/6 = 50); 未评 share (1 + 2)/6 = 50 (Art. 24); composite "
     "30 + 15*75/100 + 30 + 25 = 96.25",
     "30,15,30,25", None,
     [ev("A1", "SATISFIED"), ev("A2", "SATISFIED"), ev("A3", "SATISFIED"), ev("A4", "DISSATISFIED"),
      ev("A5", "VERY_DISSATISFIED"), un("C-U1"), wo("A4", "DISMISSED"), wo("A5", "INVALIDATED")],
     dict(totalEvaluations=6, evaluations=3, evaluatedCases=3, unevaluated=3, notAdopted=2, goodReviews=3, badReviews=0,
          rectified=0, satisfiedFollowUps=0, averageScore="10.00", serviceQuality="100.00", activeEvaluationRate="75.00",
          rectificationRate="100.00", followUpSatisfactionRate="100.00", goodRate="50.00", unevaluatedRate="50.00",
          badRate="0.00", composite="96.25")),
    ("Art. 23, unit, default basis cases: case C-1 evaluated at two visits, case C-2 timed out: 1 evaluated case of 2 "
     "= 50 (before: 2 evaluations of 3 = 66.67); composite 30 + 15*50/100 + 30 + 25 = 92.50",
     "30,15,30,25", None, TWO_VISITS, dict(COMMON_TWO_VISITS, activeEvaluationRate="50.00", composite="92.50")),
    ("Art. 23, unit, basis literal (办件数 over 次数): 1 evaluated case / (2 evaluations + 1 timed out) = 33.33; "
     "composite 30 + 15*(100/3)/100 + 30 + 25 = 90.00",
     "30,15,30,25", "literal", TWO_VISITS, dict(COMMON_TWO_VISITS, activeEvaluationRate="33.33", composite="90.00")),
    ("Art. 23, unit, basis evaluations: 2 evaluations / (2 + 1 timed out) = 66.67; composite "
     "30 + 15*(200/3)/100 + 30 + 25 = 95.00",
     "30,15,30,25", "evaluations", TWO_VISITS, dict(COMMON_TWO_VISITS, activeEvaluationRate="66.67", composite="95.00")),
    ("nothing to score: two cases timed out, no evaluation asked for (Art. 26: restricting evaluation is misconduct); "
     "no composite (before: 0 + 0 + 30 + 25 = 55.00); 未评 share 100",
     "30,15,30,25", None, [un("C-U1"), un("C-U2")],
     dict(totalEvaluations=2, evaluations=0, evaluatedCases=0, unevaluated=2, notAdopted=0, goodReviews=0, badReviews=0,
          rectified=0, satisfiedFollowUps=0, averageScore="0.00", serviceQuality="0.00", activeEvaluationRate="0.00",
          rectificationRate="100.00", followUpSatisfactionRate="100.00", goodRate="0.00", unevaluatedRate="100.00",
          badRate="0.00", composite=None)),
]

INVALID = [
    ("a work order for a good evaluation (Art. 18: only bad reviews open one)", "Art. 18",
     [ev("G1", "SATISFIED"), wo("G1", "CREATED")]),
    ("a work order for an evaluation not in the file", "Art. 18", [ev("G1", "SATISFIED"), wo("X9", "CREATED")]),
    ("two work orders for one bad review", "Art. 18",
     [ev("E1", "DISSATISFIED"), wo("E1", "CREATED"), dict(wo("E1", "RECTIFYING"), orderNo="WO-E1-B")]),
    ("followUp given while the order is only RECTIFIED (Art. 22)", "Art. 22",
     [ev("E1", "DISSATISFIED"), wo("E1", "RECTIFIED", "SATISFIED")]),
    ("FOLLOWED_UP without the follow-up answer (Art. 22)", "Art. 22",
     [ev("E1", "DISSATISFIED"), wo("E1", "FOLLOWED_UP")]),
    ("a misspelt field (hallcode): unknown fields are errors", "Art. 23",
     [ev("G1", "SATISFIED", hallcode="H1")]),
    ("evaluatedAt without an offset", "Art. 23", [dict(ev("G1", "SATISFIED"), evaluatedAt="2024-10-08T10:15:00")]),
    ("a grade that is not an Art. 7 grade", "Art. 7", [ev("G1", "GOOD")]),
    ("a case both evaluated and 未评 (counted twice before)", "Art. 16, 23",
     [ev("G1", "SATISFIED"), ev("G2", "SATISFIED"), un("C-G1")]),
    ("a case 未评 twice (counted twice before)", "Art. 16, 23", [un("C-U1"), ev("G1", "SATISFIED"), un("C-U1")]),
]


def normalised(cases):
    return [c if len(c) == 5 else (c[0], c[1], None, c[2], c[3]) for c in cases]


def pct(n, d, when_zero):
    return Fraction(when_zero) if d == 0 else Fraction(100 * n, d)


def two(f):
    return str((Decimal(f.numerator) / Decimal(f.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def recompute(weights, basis, records):
    w = [Fraction(int(x)) for x in weights.split(",")]
    evs = {r["evaluationId"]: r for r in records if r["kind"] == "evaluation"}
    orders = {r["evaluationId"]: r for r in records if r["kind"] == "workOrder"}
    overdue = sum(1 for r in records if r["kind"] == "unevaluated")
    not_adopted = [e for e in evs if orders.get(e, {}).get("state") in ("DISMISSED", "INVALIDATED")]
    adopted = [e for e in evs if e not in not_adopted]
    cases = len({evs[e]["caseNo"] for e in adopted})
    an, ad = {"cases": (cases, cases + overdue), "literal": (cases, len(adopted) + overdue),
              "evaluations": (len(adopted), len(adopted) + overdue)}[basis or "cases"]
    bad = [e for e in adopted if SCORE[evs[e]["grade"]] <= 5]
    rect = [e for e in bad if orders.get(e, {}).get("state") in ("RECTIFIED", "FOLLOWED_UP")]
    sat = [e for e in rect if orders.get(e, {}).get("followUp") == "SATISFIED"]
    total = len(adopted) + overdue + len(not_adopted)
    avg = Fraction(sum(SCORE[evs[e]["grade"]] for e in adopted), len(adopted)) if adopted else Fraction(0)
    q, a, r, s = avg * 10, pct(an, ad, 0), pct(len(rect), len(bad), 100), pct(len(sat), len(rect), 100)
    return dict(totalEvaluations=total, evaluations=len(adopted), evaluatedCases=cases,
                unevaluated=overdue + len(not_adopted),
                notAdopted=len(not_adopted), goodReviews=len(adopted) - len(bad), badReviews=len(bad),
                rectified=len(rect), satisfiedFollowUps=len(sat), averageScore=two(avg), serviceQuality=two(q),
                activeEvaluationRate=two(a), rectificationRate=two(r), followUpSatisfactionRate=two(s),
                goodRate=two(pct(len(adopted) - len(bad), total, 0)),
                unevaluatedRate=two(pct(overdue + len(not_adopted), total, 0)), badRate=two(pct(len(bad), total, 0)),
                composite=two((w[0] * q + w[1] * a + w[2] * r + w[3] * s) / 100) if adopted else None)


def main():
    tests = []
    for comment, weights, basis, records, expected in normalised(VALID):
        assert recompute(weights, basis, records) == expected, (comment, recompute(weights, basis, records))
        case = dict(comment=comment, specSection="Art. 23-24", result="valid", flags=["HandComputed"], weights=weights)
        if basis:
            case["activeRateBasis"] = basis
        case.update(records=records, expected=expected)
        tests.append(case)
    for comment, rule, records in INVALID:
        tests.append(dict(comment=comment, specSection=rule, result="invalid", flags=["BadRecords"],
                          weights="30,15,30,25", records=records))
    tests = [dict(tcId=i, **t) for i, t in enumerate(tests, 1)]
    doc = dict(
        algorithm="scorecard", schema="scorecard_schema.json", generatorVersion="hcp-sdk 0.1.0",
        numberOfTests=len(tests),
        header=["The scorecard of Art. 23-24 over one period's statistics records (docs/interface-spec.md section 2:",
                "each element of `records` is one JSON line). A valid case gives the expected counts and figures: exact",
                "fractions rounded once to two decimals, half up, the composite from the exact figures, with the",
                "weights of quality, active evaluation rate, rectification rate, follow-up satisfaction rate. An",
                "invalid set of records must be refused. Figures worked out by hand (see each comment). The active",
                "rate counts timed-out 未评 only, in the unit of activeRateBasis (cases when absent); a composite of",
                "null means nothing to score (no adopted evaluation)."],
        notes={"HandComputed": "Expected figures worked out by hand; the working is in the comment.",
               "BadRecords": "The records break the format or the rules: the input must be refused."},
        testGroups=[dict(type="ScorecardTest", tests=tests)])
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
