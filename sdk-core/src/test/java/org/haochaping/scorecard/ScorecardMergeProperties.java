package org.haochaping.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.model.Grade;

/**
 * Mergeable tallies (issue 15): any split of any input into shards of whole cases, tallied apart and merged in
 * any order, gives the tally, and so the figures, of the whole; the partial form round-trips; the streaming
 * paths (one pass, sorted runs) equal the in-memory one.
 */
class ScorecardMergeProperties {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2024-10-08T10:00:00+08:00");
    private static final GroupBy[] GROUPINGS = {null, GroupBy.DEPARTMENT, GroupBy.DISTRICT, GroupBy.HALL, GroupBy.STAFF};

    /** One case: its records (evaluations at one or two visits, or a 未评 mark) and the orders of its bad reviews. */
    static final class Case {
        final List<StatisticsRecord> records = new ArrayList<>();

        @Override
        public String toString() {
            return records.toString();
        }
    }

    @Provide
    Arbitrary<List<Case>> periods() {
        Arbitrary<Case> oneCase = Combinators.combine(
                Arbitraries.integers().between(0, 2),           // 0: 未评, 1 or 2 evaluations
                Arbitraries.of(Grade.values()).list().ofSize(2),
                Arbitraries.of(WorkOrderState.values()).injectNull(0.3).list().ofSize(2),
                Arbitraries.integers().between(0, 3),           // department
                Arbitraries.integers().between(0, 2),           // staff (2: none, online)
                Arbitraries.integers().between(0, 1)            // follow-up answer
        ).as((kind, grades, states, dept, staff, follow) -> {
            Case c = new Case();
            c.records.add(new Marker(kind, grades, states, dept, staff, follow));
            return c;
        });
        return oneCase.list().ofMaxSize(40);
    }

    /** What one generated case will become, once numbered. */
    static final class Marker implements StatisticsRecord {
        final int kind;
        final List<Grade> grades;
        final List<WorkOrderState> states;
        final int dept;
        final int staff;
        final int follow;

        Marker(int kind, List<Grade> grades, List<WorkOrderState> states, int dept, int staff, int follow) {
            this.kind = kind;
            this.grades = grades;
            this.states = states;
            this.dept = dept;
            this.staff = staff;
            this.follow = follow;
        }
    }

    /** The records of each case, numbered. */
    static List<List<StatisticsRecord>> realise(List<Case> cases) {
        List<List<StatisticsRecord>> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Marker m = (Marker) cases.get(i).records.get(0);
            String caseNo = String.format("C%04d", i);
            String dept = "D" + m.dept;
            String area = "12010" + (m.dept % 2);
            String hall = m.staff == 2 ? null : "H" + (m.dept % 2);
            String staff = m.staff == 2 ? null : "S" + m.dept + m.staff;
            List<StatisticsRecord> rs = new ArrayList<>();
            if (m.kind == 0) {
                rs.add(UnevaluatedRecord.builder().caseNo(caseNo).deptCode(dept).areaCode(area).hallCode(hall)
                        .staffNo(staff).completedAt(AT.minusDays(9)).build());
            }
            for (int v = 0; v < m.kind; v++) {
                String id = caseNo + "-V" + v;
                Grade g = m.grades.get(v);
                // The second visit may be another staff member's.
                String visitStaff = staff == null || v == 0 ? staff : staff + "b";
                rs.add(EvaluationRecord.builder().evaluationId(id).caseNo(caseNo).deptCode(dept).areaCode(area)
                        .hallCode(hall).staffNo(visitStaff).grade(g).evaluatedAt(AT).build());
                WorkOrderState s = m.states.get(v);
                if (g.isBad() && s != null) {
                    rs.add(WorkOrderRecord.of("WO-" + id, id, s, s == WorkOrderState.FOLLOWED_UP
                            ? (m.follow == 0 ? FollowUpResult.SATISFIED : FollowUpResult.DISSATISFIED) : null));
                }
            }
            out.add(rs);
        }
        return out;
    }

    private static List<StatisticsRecord> flatten(List<List<StatisticsRecord>> cases) {
        List<StatisticsRecord> all = new ArrayList<>();
        for (List<StatisticsRecord> c : cases) {
            all.addAll(c);
        }
        return all;
    }

    @Property(tries = 100)
    void anySplitMergedInAnyOrderEqualsTheWhole(@ForAll("periods") List<Case> period,
                                                @ForAll @IntRange(min = 1, max = 5) int shards,
                                                @ForAll long seed) throws Exception {
        List<List<StatisticsRecord>> cases = realise(period);
        Random random = new Random(seed);
        List<List<StatisticsRecord>> parts = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            parts.add(new ArrayList<StatisticsRecord>());
        }
        for (List<StatisticsRecord> c : cases) {
            parts.get(random.nextInt(shards)).addAll(c);
        }
        for (List<StatisticsRecord> p : parts) {
            Collections.shuffle(p, random); // any order within a shard, too
        }
        ScorecardInput whole = ScorecardInput.of(flatten(cases));
        for (GroupBy by : GROUPINGS) {
            List<PartialScorecard> tallies = new ArrayList<>();
            for (List<StatisticsRecord> p : parts) {
                // Through the partial form, as hcp scorecard merge reads it.
                tallies.add(PartialScorecard.readJson(new StringReader(ScorecardInput.of(p).tally(by).toJson())));
            }
            Collections.shuffle(tallies, random);
            PartialScorecard merged = PartialScorecard.empty(by);
            for (PartialScorecard t : tallies) {
                merged = random.nextBoolean() ? merged.merge(t) : t.merge(merged);
            }
            PartialScorecard expected = whole.tally(by);
            assertThat(merged).isEqualTo(expected);
            for (ActiveRateBasis basis : ActiveRateBasis.values()) {
                Scorecard scorecard = new Scorecard(ScoreWeights.DEFAULT, basis);
                if (by == null) {
                    assertThat(scorecard.score(merged).toString()).isEqualTo(scorecard.score(whole).toString());
                } else {
                    assertThat(scorecard.rank(merged).entries().toString())
                            .isEqualTo(scorecard.rank(whole, by).entries().toString());
                }
            }
        }
    }

    @Property(tries = 25)
    void theStreamingPathsEqualTheInMemoryOne(@ForAll("periods") List<Case> period, @ForAll long seed) throws Exception {
        List<StatisticsRecord> records = flatten(realise(period));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder ordered = new StringBuilder();
        for (StatisticsRecord r : records) {
            ordered.append(json.writeValueAsString(r)).append('\n');
        }
        List<StatisticsRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(seed));
        StringBuilder unordered = new StringBuilder();
        for (StatisticsRecord r : shuffled) {
            unordered.append(json.writeValueAsString(r)).append('\n');
        }
        Path file = Files.createTempFile("scorecard-prop", ".jsonl");
        try {
            Files.write(file, unordered.toString().getBytes(StandardCharsets.UTF_8));
            ScorecardInput whole = ScorecardInput.of(records);
            for (GroupBy by : GROUPINGS) {
                PartialScorecard expected = whole.tally(by);
                assertThat(ScorecardInput.tallyJsonLines(new StringReader(ordered.toString()), by)).isEqualTo(expected);
                assertThat(ScorecardInput.tallyJsonLines(file, by)).isEqualTo(expected);
                // Runs of ~2000 characters: several runs, merged.
                assertThat(CaseSortedRuns.tally(file, by, 2000)).isEqualTo(expected);
            }
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The file cut into parts read on threads of their own gives the tally of one pass: with the work orders
     * in place, and with all of them moved to the top of the file, so that they wait in the first part for
     * evaluations read by the others. A file out of case order is left to the one-thread path.
     */
    @Property(tries = 25)
    void partsOnThreadsEqualOnePass(@ForAll("periods") List<Case> period, @ForAll @IntRange(min = 2, max = 4) int threads)
            throws Exception {
        List<StatisticsRecord> records = flatten(realise(period));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder inPlace = new StringBuilder();
        StringBuilder ordersFirst = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        java.util.Set<String> caseNos = new java.util.HashSet<>();
        for (StatisticsRecord r : records) {
            String line = json.writeValueAsString(r) + "\n";
            inPlace.append(line);
            if (r instanceof WorkOrderRecord) {
                ordersFirst.append(line);
            } else {
                cases.append(line);
                caseNos.add(r instanceof EvaluationRecord ? ((EvaluationRecord) r).caseNo() : ((UnevaluatedRecord) r).caseNo());
            }
        }
        ordersFirst.append(cases);
        ScorecardInput whole = ScorecardInput.of(records);
        Path file = Files.createTempFile("scorecard-parts", ".jsonl");
        try {
            String inPlaceText = inPlace.toString();
            for (String text : new String[] {inPlaceText, ordersFirst.toString()}) {
                Files.write(file, text.getBytes(StandardCharsets.UTF_8));
                long partBytes = Math.max(1, text.length() / (2L * threads));
                for (GroupBy by : GROUPINGS) {
                    PartialScorecard parts = ParallelJsonLines.tally(file, by, threads, partBytes);
                    if (text == inPlaceText && caseNos.size() >= 8 * threads) {
                        // A part holds 8 cases on average, at most 4 lines each: there is a case boundary after each cut.
                        assertThat(parts).as("cut into parts").isNotNull();
                    }
                    if (parts != null) {
                        assertThat(parts).isEqualTo(whole.tally(by));
                    }
                    assertThat(ScorecardInput.tallyJsonLines(file, by, threads)).isEqualTo(whole.tally(by));
                }
            }
            if (caseNos.size() >= 4) {
                // The last case first: out of case order, left to the one-thread path.
                List<StatisticsRecord> shuffled = new ArrayList<>(records);
                Collections.reverse(shuffled);
                StringBuilder reversed = new StringBuilder();
                for (StatisticsRecord r : shuffled) {
                    reversed.append(json.writeValueAsString(r)).append('\n');
                }
                Files.write(file, reversed.toString().getBytes(StandardCharsets.UTF_8));
                assertThat(ParallelJsonLines.tally(file, GroupBy.DEPARTMENT, 2, 1)).isNull();
                assertThat(ScorecardInput.tallyJsonLines(file, GroupBy.DEPARTMENT, 2)).isEqualTo(whole.tally(GroupBy.DEPARTMENT));
            }
        } finally {
            Files.delete(file);
        }
    }

    /** Two parts joined, each work order in the other part than its evaluation, give the tally of the whole. */
    @Property(tries = 50)
    void partsJoinAcrossOrders(@ForAll("periods") List<Case> period, @ForAll @IntRange(min = 0, max = 40) int cut) {
        List<List<StatisticsRecord>> cases = realise(period);
        int k = Math.min(cut, cases.size());
        List<StatisticsRecord> first = new ArrayList<>();
        List<StatisticsRecord> second = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            for (StatisticsRecord r : cases.get(i)) {
                boolean toFirst = r instanceof WorkOrderRecord ? i >= k : i < k;
                (toFirst ? first : second).add(r);
            }
        }
        ScorecardInput whole = ScorecardInput.of(flatten(cases));
        for (GroupBy by : GROUPINGS) {
            assertThat(CaseOrderedTally.join(java.util.Arrays.asList(read(first, by), read(second, by))))
                    .isEqualTo(whole.tally(by));
        }
    }

    private static CaseOrderedTally read(List<StatisticsRecord> records, GroupBy by) {
        CaseOrderedTally tally = new CaseOrderedTally(by, "record");
        RecordFields f = new RecordFields();
        long position = 0;
        for (StatisticsRecord r : records) {
            f.from(r);
            tally.accept(f, ++position);
        }
        return tally;
    }
}
