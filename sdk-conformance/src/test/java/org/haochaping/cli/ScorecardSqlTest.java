package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.haochaping.scorecard.ActiveRateBasis;
import org.haochaping.scorecard.GroupBy;
import org.haochaping.scorecard.PartialScorecard;
import org.haochaping.scorecard.Ranking;
import org.haochaping.scorecard.ScoreSheet;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.Scorecard;
import org.haochaping.scorecard.ScorecardInput;
import org.haochaping.scorecard.ScorecardSql;
import org.haochaping.scorecard.ScorecardSql.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15, point 4: the scorecard's SQL gives the Java figures, group for group, on real PostgreSQL, on real
 * MariaDB (the {@code mysql} dialect) and on embedded DuckDB, for every grouping, every active-rate basis and
 * weights with decimals; and point 6: the Java tally reads the same table through a ResultSet. PostgreSQL:
 * {@code HCP_TEST_PG_URL} (default jdbc:postgresql://127.0.0.1:5432/hcp_test), MariaDB: {@code HCP_TEST_MARIADB_URL}
 * (default jdbc:mariadb://127.0.0.1:3306/hcp_test), user and password hcp; the test fails when one is unreachable.
 */
class ScorecardSqlTest {

    private static final GroupBy[] GROUPINGS = {null, GroupBy.DEPARTMENT, GroupBy.DISTRICT, GroupBy.HALL, GroupBy.STAFF};
    private static final ScoreWeights[] WEIGHTS = {ScoreWeights.DEFAULT, ScoreWeights.parse("30,12.5,32.5,25")};

    /** Generated records plus hand-made corner cases: a unit with nothing to score, all orders dismissed. */
    static String records() throws Exception {
        StringBuilder b = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new StatisticsGenerator(4000, 12, 7))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                b.append(line).append('\n');
            }
        }
        b.append("{\"kind\":\"unevaluated\",\"caseNo\":\"Z1\",\"deptCode\":\"DZ\",\"areaCode\":\"120199\",\"hallCode\":\"HZ\",\"staffNo\":\"SZ\",\"completedAt\":\"2026-11-03T16:00:00+08:00\"}\n");
        b.append("{\"kind\":\"evaluation\",\"evaluationId\":\"Z2-0\",\"caseNo\":\"Z2\",\"deptCode\":\"DY\",\"areaCode\":\"120199\",\"grade\":\"VERY_DISSATISFIED\",\"evaluatedAt\":\"2026-11-03T10:00:00+08:00\"}\n");
        b.append("{\"kind\":\"workOrder\",\"orderNo\":\"WO-Z2\",\"evaluationId\":\"Z2-0\",\"state\":\"DISMISSED\"}\n");
        // Codes that differ in case only are different groups (MySQL's default collation would merge them).
        b.append("{\"kind\":\"evaluation\",\"evaluationId\":\"Z3-0\",\"caseNo\":\"Z3\",\"deptCode\":\"dz\",\"areaCode\":\"120199\",\"hallCode\":\"hz\",\"staffNo\":\"sz\",\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2026-11-04T10:00:00+08:00\"}\n");
        return b.toString();
    }

    @Test
    void duckDbGivesTheJavaFigures() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            String data = records();
            load(c, Dialect.DUCKDB, "hcp_statistics", data);
            compareAll(c, Dialect.DUCKDB, "hcp_statistics", data);
            try (Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT * FROM hcp_statistics ORDER BY case_no NULLS LAST")) {
                assertThat(ScorecardInput.tallyRows(rows, GroupBy.STAFF))
                        .isEqualTo(ScorecardInput.tallyJsonLines(new StringReader(data), GroupBy.STAFF));
            }
        }
    }

    /** A real database server of the brief's "Databases": its dialect, URL and the case order of its rows. */
    enum Server {
        POSTGRESQL(Dialect.POSTGRESQL, "HCP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/hcp_test",
                // Work orders (case_no NULL) sort last; cases in code-point order.
                "ORDER BY case_no COLLATE \"C\""),
        MARIADB(Dialect.MYSQL, "HCP_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/hcp_test",
                // Work orders sort first; the column's utf8mb4_bin orders by code point.
                "ORDER BY case_no");

        final Dialect dialect;
        final String url;
        final String caseOrder;

        Server(Dialect dialect, String variable, String defaultUrl, String caseOrder) {
            this.dialect = dialect;
            this.url = System.getenv().getOrDefault(variable, defaultUrl);
            this.caseOrder = caseOrder;
        }
    }

    /** Fails (does not skip) when the server is unreachable. A table of its own, dropped after. */
    @ParameterizedTest
    @EnumSource(Server.class)
    void aDatabaseServerGivesTheJavaFigures(Server server) throws Exception {
        String table = "scorecard_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server.url, "hcp", "hcp")) {
            try {
                String data = records();
                load(c, server.dialect, table, data);
                compareAll(c, server.dialect, table, data);
                try (Statement s = c.createStatement();
                     ResultSet rows = s.executeQuery("SELECT * FROM " + table + " " + server.caseOrder)) {
                    assertThat(ScorecardInput.tallyRows(rows, GroupBy.DEPARTMENT))
                            .isEqualTo(ScorecardInput.tallyJsonLines(new StringReader(data), GroupBy.DEPARTMENT));
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
            }
        }
    }

    static void load(Connection c, Dialect d, String table, String jsonLines) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(ScorecardSql.createTable(d, table));
        }
        List<String> columns = ScorecardInput.COLUMNS;
        StringBuilder insert = new StringBuilder("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            // MariaDB reads no offset in a date-time literal: its instants are bound as java.sql.Timestamp below.
            String instant = d == Dialect.POSTGRESQL ? "CAST(? AS TIMESTAMP WITH TIME ZONE)"
                    : d == Dialect.MYSQL ? "?" : "CAST(? AS TIMESTAMPTZ)";
            insert.append(i > 0 ? ", " : "").append(columns.get(i).endsWith("_at") ? instant : "?");
        }
        insert.append(")");
        ObjectMapper json = new ObjectMapper();
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement(insert.toString())) {
            for (String line : jsonLines.split("\n")) {
                JsonNode r = json.readTree(line);
                for (int i = 0; i < columns.size(); i++) {
                    String field = camel(columns.get(i));
                    String value = r.has(field) ? r.get(field).asText() : null;
                    if (d == Dialect.MYSQL && value != null && columns.get(i).endsWith("_at")) {
                        p.setTimestamp(i + 1, Timestamp.from(OffsetDateTime.parse(value).toInstant()));
                    } else {
                        p.setString(i + 1, value);
                    }
                }
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    /** For every grouping, basis and weights: the query's rows equal the Java figures, group for group. */
    static void compareAll(Connection c, Dialect d, String table, String jsonLines) throws Exception {
        int compared = 0;
        for (GroupBy by : GROUPINGS) {
            PartialScorecard tally = ScorecardInput.tallyJsonLines(new StringReader(jsonLines), by);
            for (ActiveRateBasis basis : ActiveRateBasis.values()) {
                for (ScoreWeights w : WEIGHTS) {
                    Scorecard scorecard = new Scorecard(w, basis);
                    Map<String, Object[]> expected = new HashMap<>();
                    if (by == null) {
                        expected.put("", new Object[] {null, scorecard.score(tally)});
                    } else {
                        for (Ranking.Entry e : scorecard.rank(tally).entries()) {
                            expected.put(e.key(), new Object[] {e.ranked() ? e.rank() : null, e.scores()});
                        }
                    }
                    Map<String, Object[]> actual = new HashMap<>();
                    try (Statement s = c.createStatement();
                         ResultSet r = s.executeQuery(ScorecardSql.query(d, by, w, basis, table))) {
                        while (r.next()) {
                            actual.put(r.getString("group_key"), row(r));
                        }
                    }
                    assertThat(actual.keySet()).as("%s %s", by, basis).isEqualTo(expected.keySet());
                    for (Map.Entry<String, Object[]> e : expected.entrySet()) {
                        Object[] want = e.getValue();
                        Object[] got = actual.get(e.getKey());
                        String where = d + " " + by + " " + basis + " " + w + " group " + e.getKey();
                        if (by != null) {
                            assertThat(got[0]).as(where + " rank").isEqualTo(want[0]);
                        }
                        assertThat(Arrays.asList((Object[]) got[1])).as(where).isEqualTo(figures((ScoreSheet) want[1]));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static final String[] COUNTS = {"total_evaluations", "evaluations", "evaluated_cases", "unevaluated",
        "overdue_unevaluated", "not_adopted", "good_reviews", "bad_reviews", "rectified", "satisfied_follow_ups"};
    private static final String[] FIGURES = {"average_score", "service_quality", "active_evaluation_rate",
        "rectification_rate", "follow_up_satisfaction_rate", "good_rate", "unevaluated_rate", "bad_rate", "composite"};

    private static Object[] row(ResultSet r) throws Exception {
        List<Object> values = new ArrayList<>();
        for (String c : COUNTS) {
            values.add(r.getLong(c));
        }
        for (String f : FIGURES) {
            BigDecimal v = r.getBigDecimal(f);
            values.add(v == null ? null : v.setScale(2).toPlainString());
        }
        Object rank = r.getObject("group_rank");
        return new Object[] {rank == null ? null : ((Number) rank).intValue(), values.toArray()};
    }

    private static List<Object> figures(ScoreSheet s) {
        List<Object> v = new ArrayList<>(Arrays.asList(s.totalEvaluations(), s.evaluations(), s.evaluatedCases(),
                s.unevaluated(), s.overdueUnevaluated(), s.notAdopted(), s.goodReviews(), s.badReviews(), s.rectified(),
                s.satisfiedFollowUps()));
        for (BigDecimal f : new BigDecimal[] {s.averageScore(), s.serviceQuality(), s.activeEvaluationRate(),
            s.rectificationRate(), s.followUpSatisfactionRate(), s.goodRate(), s.unevaluatedRate(), s.badRate(), s.composite()}) {
            v.add(f == null ? null : f.toPlainString());
        }
        return v;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
