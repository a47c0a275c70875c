import java.sql.*;
/** The DuckDB side of docs/BENCHMARKS.md, "Scorecard": the query of hcp scorecard sql --dialect duckdb over the JSON-lines file. */
public class DuckDbScorecard {
    public static void main(String[] a) throws Exception {
        String file = a[0];
        String query = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(a[1])));
        int threads = Integer.parseInt(a[2]);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads=" + threads);
            s.execute("CREATE VIEW hcp_statistics AS SELECT kind, evaluationId AS evaluation_id, caseNo AS case_no, deptCode AS dept_code, areaCode AS area_code, hallCode AS hall_code, staffNo AS staff_no, grade, evaluatedAt AS evaluated_at, completedAt AS completed_at, orderNo AS order_no, state, followUp AS follow_up FROM read_json('" + file + "', format='newline_delimited', columns={kind:'VARCHAR',evaluationId:'VARCHAR',caseNo:'VARCHAR',deptCode:'VARCHAR',areaCode:'VARCHAR',hallCode:'VARCHAR',staffNo:'VARCHAR',grade:'VARCHAR',evaluatedAt:'VARCHAR',completedAt:'VARCHAR',orderNo:'VARCHAR',state:'VARCHAR',followUp:'VARCHAR'})");
            int rows = 0;
            try (ResultSet r = s.executeQuery(query)) { while (r.next()) rows++; }
            System.out.println("duckdb rows " + rows + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
