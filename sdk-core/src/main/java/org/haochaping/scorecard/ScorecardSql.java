package org.haochaping.scorecard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.haochaping.model.Grade;

/**
 * The scorecard as one SQL query over a statistics table (one row per record, the columns of
 * {@link ScorecardInput#COLUMNS}; docs/interface-spec.md §2), for offices that keep their statistics in a
 * database or a warehouse. The figures and their rounding equal {@link Scorecard}'s: every figure is an exact
 * fraction of integers rounded half up once, {@code floor((200·N + D) / (2·D))} hundredths, computed in
 * integer arithmetic wide enough for the composite (38 digits); the composite is one fraction of the four
 * exact figures. Rows are the groups: ranked first, by composite, then the groups with nothing to score
 * ({@code composite} and {@code group_rank} NULL). The query trusts the table: check it with
 * {@code hcp scorecard} (contradictions, work orders on good evaluations) before publishing.
 */
public final class ScorecardSql {

    /** The SQL dialects the query is written and tested for. */
    public enum Dialect {
        POSTGRESQL("postgresql", "NUMERIC(38,0)"),
        MYSQL("mysql", "DECIMAL(65,0)"),
        DUCKDB("duckdb", "HUGEINT"),
        SPARK("spark", "DECIMAL(38,0)");

        private final String cliName;
        private final String wideInteger;

        Dialect(String cliName, String wideInteger) {
            this.cliName = cliName;
            this.wideInteger = wideInteger;
        }

        public String cliName() {
            return cliName;
        }

        /** Looks a dialect up by its {@link #cliName()}; {@code null} when there is none. */
        public static Dialect fromCliName(String name) {
            for (Dialect d : values()) {
                if (d.cliName.equals(name)) {
                    return d;
                }
            }
            return null;
        }

        String integerDivision(String a, String b) {
            switch (this) {
                case POSTGRESQL:
                    return "DIV(" + a + ", " + b + ")";
                case MYSQL:
                    return "((" + a + ") DIV (" + b + "))";
                case DUCKDB:
                    return "((" + a + ") // (" + b + "))";
                default:
                    return "((" + a + ") div (" + b + "))";
            }
        }
    }

    /** The default table name. */
    public static final String DEFAULT_TABLE = "hcp_statistics";

    private ScorecardSql() {
    }

    /**
     * The query.
     *
     * @param by the grouping; {@code null} for the whole period (one row, {@code group_key} '')
     * @param table the statistics table (a plain or qualified identifier)
     */
    public static String query(Dialect dialect, GroupBy by, ScoreWeights weights, ActiveRateBasis basis, String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("table must be a plain identifier, e.g. " + DEFAULT_TABLE + ", not " + table);
        }
        int scale = Math.max(0, Math.max(Math.max(scaleOf(weights.serviceQuality()), scaleOf(weights.activeEvaluationRate())),
                Math.max(scaleOf(weights.rectificationRate()), scaleOf(weights.followUpSatisfactionRate()))));
        String wq = unscaled(weights.serviceQuality(), scale);
        String wa = unscaled(weights.activeEvaluationRate(), scale);
        String wr = unscaled(weights.rectificationRate(), scale);
        String ws = unscaled(weights.followUpSatisfactionRate(), scale);
        String hundredTimesScale = BigInteger.TEN.pow(scale).multiply(BigInteger.valueOf(100)).toString();
        String big = dialect.wideInteger;
        String an;
        String ad;
        switch (basis) {
            case CASES:
                an = "ec";
                ad = "ec + ov";
                break;
            case LITERAL:
                an = "ec";
                ad = "ev + ov";
                break;
            default:
                an = "ev";
                ad = "ev + ov";
        }
        StringBuilder score = new StringBuilder("CASE s.grade");
        StringBuilder bad = new StringBuilder();
        for (Grade g : Grade.values()) {
            score.append(" WHEN '").append(g.name()).append("' THEN ").append(g.score());
            if (g.isBad()) {
                bad.append(bad.length() == 0 ? "" : ", ").append('\'').append(g.name()).append('\'');
            }
        }
        score.append(" END");
        String n = "\n";
        StringBuilder q = new StringBuilder();
        q.append("-- hcp scorecard sql: Art. 23-24 figures, ").append(by == null ? "whole period" : "ranked by " + by.cliName())
                .append(", weights ").append(weights.serviceQuality().toPlainString()).append('/')
                .append(weights.activeEvaluationRate().toPlainString()).append('/')
                .append(weights.rectificationRate().toPlainString()).append('/')
                .append(weights.followUpSatisfactionRate().toPlainString())
                .append(", active rate basis ").append(basis.name().toLowerCase(Locale.ROOT))
                .append(", dialect ").append(dialect.cliName).append(n);
        q.append("WITH e AS (").append(n)
                .append("  SELECT s.case_no, ").append(key(by, "s")).append(" AS group_key,").append(n)
                .append("    ").append(score).append(" AS score,").append(n)
                .append("    CASE WHEN s.grade IN (").append(bad).append(") THEN 1 ELSE 0 END AS bad,").append(n)
                .append("    CASE WHEN o.state IN ('DISMISSED', 'INVALIDATED') THEN 0 ELSE 1 END AS adopted,").append(n)
                .append("    CASE WHEN o.state IN ('RECTIFIED', 'FOLLOWED_UP') THEN 1 ELSE 0 END AS rectified,").append(n)
                .append("    CASE WHEN o.state = 'FOLLOWED_UP' AND o.follow_up = 'SATISFIED' THEN 1 ELSE 0 END AS satisfied").append(n)
                .append("  FROM ").append(table).append(" s LEFT JOIN ").append(table)
                .append(" o ON o.kind = 'workOrder' AND o.evaluation_id = s.evaluation_id").append(n)
                .append("  WHERE s.kind = 'evaluation'").append(n)
                .append("), c AS (").append(n)
                .append("  SELECT group_key, SUM(adopted) AS ev,").append(n)
                .append("    COUNT(DISTINCT CASE WHEN adopted = 1 THEN case_no END) AS ec,").append(n)
                .append("    SUM(adopted * (1 - bad)) AS gd, SUM(adopted * bad) AS bd, SUM(adopted * score) AS ss,").append(n)
                .append("    0 AS ov, SUM(1 - adopted) AS na, SUM(adopted * bad * rectified) AS rc,").append(n)
                .append("    SUM(adopted * bad * satisfied) AS sf").append(n)
                .append("  FROM e WHERE group_key IS NOT NULL GROUP BY group_key").append(n)
                .append("  UNION ALL").append(n)
                .append("  SELECT ").append(key(by, "u")).append(", 0, 0, 0, 0, 0, COUNT(*), 0, 0, 0").append(n)
                .append("  FROM ").append(table).append(" u WHERE u.kind = 'unevaluated'")
                .append(by == null ? "" : " AND " + key(by, "u") + " IS NOT NULL GROUP BY " + key(by, "u")).append(n)
                .append("), t AS (").append(n)
                .append("  SELECT group_key");
        for (String col : new String[] {"ev", "ec", "gd", "bd", "ss", "ov", "na", "rc", "sf"}) {
            q.append(", CAST(SUM(").append(col).append(") AS ").append(big).append(") AS ").append(col);
        }
        q.append(n).append("  FROM c GROUP BY group_key").append(n)
                .append("), p AS (").append(n)
                .append("  SELECT t.*, ev + ov + na AS total,").append(n)
                .append("    CASE WHEN ").append(ad).append(" = 0 THEN 0 ELSE ").append(an).append(" END AS a_n,").append(n)
                .append("    CASE WHEN ").append(ad).append(" = 0 THEN 1 ELSE ").append(ad).append(" END AS a_d,").append(n)
                .append("    CASE WHEN bd = 0 THEN 1 ELSE rc END AS r_n, CASE WHEN bd = 0 THEN 1 ELSE bd END AS r_d,").append(n)
                .append("    CASE WHEN rc = 0 THEN 1 ELSE sf END AS s_n, CASE WHEN rc = 0 THEN 1 ELSE rc END AS s_d").append(n)
                .append("  FROM t").append(n)
                .append("), f AS (").append(n)
                .append("  SELECT p.*,").append(n)
                .append("    CASE WHEN ev = 0 THEN 0 ELSE ").append(half(dialect, "ss", "ev")).append(" END AS average_h,").append(n)
                .append("    CASE WHEN ev = 0 THEN 0 ELSE ").append(half(dialect, "10 * ss", "ev")).append(" END AS quality_h,").append(n)
                .append("    ").append(half(dialect, "100 * a_n", "a_d")).append(" AS active_h,").append(n)
                .append("    ").append(half(dialect, "100 * r_n", "r_d")).append(" AS rectification_h,").append(n)
                .append("    ").append(half(dialect, "100 * s_n", "s_d")).append(" AS satisfaction_h,").append(n)
                .append("    CASE WHEN total = 0 THEN 0 ELSE ").append(half(dialect, "100 * gd", "total")).append(" END AS good_h,").append(n)
                .append("    CASE WHEN total = 0 THEN 0 ELSE ").append(half(dialect, "100 * (ov + na)", "total")).append(" END AS unevaluated_h,").append(n)
                .append("    CASE WHEN total = 0 THEN 0 ELSE ").append(half(dialect, "100 * bd", "total")).append(" END AS bad_h,").append(n)
                .append("    CASE WHEN ev = 0 THEN NULL ELSE ").append(half(dialect,
                        "(" + wq + " * 10 * ss * a_d * r_d * s_d + " + wa + " * 100 * a_n * ev * r_d * s_d + "
                                + wr + " * 100 * r_n * ev * a_d * s_d + " + ws + " * 100 * s_n * ev * a_d * r_d)",
                        hundredTimesScale + " * ev * a_d * r_d * s_d")).append(" END AS composite_h").append(n)
                .append("  FROM p").append(n)
                .append(")").append(n)
                .append("SELECT group_key,").append(n)
                .append("  CASE WHEN composite_h IS NULL THEN NULL ELSE RANK() OVER (PARTITION BY CASE WHEN composite_h IS NULL")
                .append(" THEN 1 ELSE 0 END ORDER BY composite_h DESC) END AS group_rank,").append(n)
                .append("  total AS total_evaluations, ev AS evaluations, ec AS evaluated_cases, ov + na AS unevaluated,").append(n)
                .append("  ov AS overdue_unevaluated, na AS not_adopted, gd AS good_reviews, bd AS bad_reviews, rc AS rectified,").append(n)
                .append("  sf AS satisfied_follow_ups,").append(n);
        String[][] figures = {{"average_h", "average_score"}, {"quality_h", "service_quality"},
            {"active_h", "active_evaluation_rate"}, {"rectification_h", "rectification_rate"},
            {"satisfaction_h", "follow_up_satisfaction_rate"}, {"good_h", "good_rate"},
            {"unevaluated_h", "unevaluated_rate"}, {"bad_h", "bad_rate"}, {"composite_h", "composite"}};
        for (int i = 0; i < figures.length; i++) {
            q.append("  CAST(").append(figures[i][0]).append(" / 100.0 AS DECIMAL(7,2)) AS ").append(figures[i][1])
                    .append(i + 1 < figures.length ? "," : "").append(n);
        }
        q.append("FROM f").append(n)
                .append("ORDER BY CASE WHEN composite_h IS NULL THEN 1 ELSE 0 END, composite_h DESC, group_key").append(n);
        return q.toString();
    }

    /**
     * The statistics table, for loading records (timestamps with their offset where the database keeps one).
     * In MySQL and MariaDB the text columns compare binary ({@code utf8mb4_bin}, in both): their default
     * collations ignore case, and would merge the groups {@code D1} and {@code d1}, which the Java tally keeps
     * apart; the timestamps are {@code TIMESTAMP NULL} (UTC inside; MySQL 8 parses an offset in a literal,
     * MariaDB does not: convert first).
     */
    public static String createTable(Dialect dialect, String table) {
        String text;
        switch (dialect) {
            case SPARK:
                text = "STRING";
                break;
            case MYSQL:
                text = "VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
                break;
            default:
                text = "VARCHAR(64)";
        }
        String instant;
        switch (dialect) {
            case POSTGRESQL:
                instant = "TIMESTAMP WITH TIME ZONE";
                break;
            case DUCKDB:
                instant = "TIMESTAMPTZ";
                break;
            case MYSQL:
                instant = "TIMESTAMP NULL";
                break;
            default:
                instant = "TIMESTAMP";
        }
        StringBuilder s = new StringBuilder("CREATE TABLE " + table + " (\n");
        for (int i = 0; i < ScorecardInput.COLUMNS.size(); i++) {
            String c = ScorecardInput.COLUMNS.get(i);
            s.append("  ").append(c).append(' ').append(c.endsWith("_at") ? instant : text)
                    .append(c.equals("kind") && dialect != Dialect.SPARK ? " NOT NULL" : "")
                    .append(i + 1 < ScorecardInput.COLUMNS.size() ? ",\n" : "\n");
        }
        return s.append(")").toString();
    }

    private static String key(GroupBy by, String alias) {
        if (by == null) {
            return "''";
        }
        String column;
        switch (by) {
            case DEPARTMENT:
                column = "dept_code";
                break;
            case DISTRICT:
                column = "area_code";
                break;
            case HALL:
                column = "hall_code";
                break;
            default:
                column = "staff_no";
        }
        // Blank codes are absent, as in the JSON records.
        return "NULLIF(TRIM(" + alias + "." + column + "), '')";
    }

    /** N/D rounded half up to hundredths, as an integer: floor((200 N + D) / (2 D)). */
    private static String half(Dialect d, String numerator, String denominator) {
        return d.integerDivision("200 * " + paren(numerator) + " + " + paren(denominator), "2 * " + paren(denominator));
    }

    private static String paren(String s) {
        return "(" + s + ")";
    }

    private static int scaleOf(BigDecimal v) {
        return v.stripTrailingZeros().scale();
    }

    private static String unscaled(BigDecimal v, int scale) {
        return v.movePointRight(scale).toBigIntegerExact().toString();
    }
}
