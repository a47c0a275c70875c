package org.haochaping.examples;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import org.haochaping.model.Grade;
import org.haochaping.scorecard.EvaluationRecord;
import org.haochaping.scorecard.GroupBy;
import org.haochaping.scorecard.Ranking;
import org.haochaping.scorecard.ScoreSheet;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.Scorecard;
import org.haochaping.scorecard.ScorecardInput;
import org.haochaping.scorecard.StatisticsRecord;
import org.haochaping.scorecard.UnevaluatedRecord;

/**
 * User story 7: the district's 政务服务 office computes its monthly scorecard (Art. 23-24) from the statistics
 * records the platform exports, ranks the window staff (Art. 25-26), and lists who ranked at the bottom three
 * months running (连续排名靠后, Art. 26), to be talked to and trained.
 */
public final class DistrictScorecard {

    // Three months of a hall; staff S4 draws more bad reviews than the others every month.
    private static final String[] MONTHS = {"2026-09", "2026-10", "2026-11"};
    private static final String[] STAFF = {"S1", "S2", "S3", "S4"};

    public static void main(String[] args) {
        Scorecard scorecard = new Scorecard(ScoreWeights.DEFAULT); // 30/15/30/25, as Art. 23 sets them
        List<Ranking> monthly = new ArrayList<>();

        for (String month : MONTHS) {
            // In production: ScorecardInput.readJsonLines(reader) over the platform's export for the month.
            ScorecardInput input = ScorecardInput.of(recordsOf(month));
            ScoreSheet district = scorecard.score(input);
            System.out.println(month + ": " + district.evaluations() + " evaluations, good " + district.goodRate()
                    + "%, bad " + district.badRate() + "%, 未评 " + district.unevaluatedRate() + "%, composite "
                    + district.composite());

            Ranking byStaff = scorecard.rank(input, GroupBy.STAFF);
            for (Ranking.Entry e : byStaff.entries()) {
                System.out.println("  #" + e.rank() + " " + e.key() + "  composite " + e.scores().composite()
                        + ", average " + e.scores().averageScore() + " points");
            }
            monthly.add(byStaff);
        }

        // Art. 26: in the bottom 1 of each of the last 3 months.
        SortedSet<String> low = Ranking.consistentlyLow(monthly, 1, 3);
        System.out.println("consistently low (Art. 26): " + low);
    }

    /** A month's records: each staff member serves 10 cases; some end 未评 when nobody evaluated them (Art. 16). */
    private static List<StatisticsRecord> recordsOf(String month) {
        List<StatisticsRecord> records = new ArrayList<>();
        OffsetDateTime day = OffsetDateTime.parse(month + "-10T10:00:00+08:00");
        for (String staff : STAFF) {
            for (int i = 0; i < 10; i++) {
                String caseNo = "TJ" + month.replace("-", "") + staff + i;
                OffsetDateTime at = day.plusMinutes(10L * i);
                if (i == 9) {
                    records.add(UnevaluatedRecord.builder().caseNo(caseNo).deptCode("111200000001234561")
                            .areaCode("120101").hallCode("HP-01").staffNo(staff).completedAt(at).build());
                    continue;
                }
                records.add(EvaluationRecord.builder().evaluationId("EV-" + caseNo).caseNo(caseNo)
                        .deptCode("111200000001234561").areaCode("120101").hallCode("HP-01").staffNo(staff)
                        .grade(gradeFor(staff, i, month)).evaluatedAt(at).build());
            }
        }
        return records;
    }

    private static Grade gradeFor(String staff, int i, String month) {
        if ("S4".equals(staff) && i < 3) {
            return Grade.DISSATISFIED;
        }
        // The others vary a little from month to month.
        int shift = (staff.charAt(1) + month.charAt(6) + i) % 4;
        return shift == 0 ? Grade.BASICALLY_SATISFIED : shift == 1 ? Grade.SATISFIED : Grade.VERY_SATISFIED;
    }
}
