package org.haochaping.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.model.Target;
import org.haochaping.tracking.TrackedCase;
import org.haochaping.tracking.TrackerStore;

/**
 * The Art. 16 tracker's cases in a table shared by every instance of a department system ({@code hcp_tracked_case},
 * created by {@link JdbcSchema#apply}). The two claims are single conditional {@code UPDATE}s ({@code ... WHERE
 * reminded_at IS NULL}), so of several instances that see the same reminder due, exactly one sends it; the same for
 * marking a case "未评". Adding a case twice keeps the first (unique {@code case_no}). The table holds no personal data.
 * Each call commits on its own. Thread-safe.
 */
public final class JdbcTrackerStore implements TrackerStore {

    private static final String COLUMNS = "link_id, case_no, dept_code, dept_name, item_name, area_code, hall_code,"
            + " staff_no, batch_no, theme_code, completed_at, owes_item, owes_staff, item_done, staff_done, reminded_at,"
            + " unevaluated_at";

    private final DataSource dataSource;
    private final String table;

    /** A store on the {@code tracked_case} table of {@code tables}. */
    public JdbcTrackerStore(DataSource dataSource, JdbcTables tables) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(tables, "tables").trackedCase();
    }

    @Override
    public TrackedCase add(TrackedCase c) {
        try (Connection connection = autoCommit()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (case_no, dept_code,"
                    + " dept_name, item_name, area_code, hall_code, staff_no, batch_no, theme_code, completed_at, owes_item,"
                    + " owes_staff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, c.caseNo());
                setText(insert, 2, c.deptCode());
                setText(insert, 3, c.deptName());
                setText(insert, 4, c.itemName());
                setText(insert, 5, c.areaCode());
                setText(insert, 6, c.hallCode());
                setText(insert, 7, c.staffNo());
                setText(insert, 8, c.batchNo());
                setText(insert, 9, c.themeCode());
                insert.setLong(10, c.completedAt().toInstant().toEpochMilli());
                insert.setBoolean(11, c.owed().contains(Target.SERVICE_ITEM));
                insert.setBoolean(12, c.owed().contains(Target.SERVICE_STAFF));
                insert.executeUpdate();
            } catch (SQLException refused) {
                if (!JdbcReplayGuard.isDuplicateKey(refused)) {
                    throw refused;
                }
            }
            return selectOne(connection, "case_no = ?", c.caseNo());
        } catch (SQLException e) {
            throw failure("add a case to", e);
        }
    }

    @Override
    public TrackedCase find(String caseNo) {
        try (Connection connection = autoCommit()) {
            return selectOne(connection, "case_no = ?", caseNo);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public TrackedCase findByLinkId(long linkId) {
        try (Connection connection = autoCommit()) {
            return selectOne(connection, "link_id = ?", linkId);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public List<TrackedCase> findByBatch(String batchNo) {
        return select("batch_no = ? ORDER BY case_no", batchNo);
    }

    @Override
    public List<TrackedCase> findByTheme(String themeCode) {
        return select("theme_code = ? ORDER BY case_no", themeCode);
    }

    @Override
    public void addEvaluated(String caseNo, Set<Target> targets) {
        if (targets.isEmpty()) {
            return;
        }
        StringBuilder set = new StringBuilder();
        if (targets.contains(Target.SERVICE_ITEM)) {
            set.append("item_done = owes_item");
        }
        if (targets.contains(Target.SERVICE_STAFF)) {
            set.append(set.length() > 0 ? ", " : "").append("staff_done = owes_staff");
        }
        // "x_done = owes_x" never unsets: a done target was owed, so owes_x is TRUE for it.
        update("UPDATE " + table + " SET " + set + " WHERE case_no = ?", caseNo);
    }

    @Override
    public List<TrackedCase> open(OffsetDateTime completedBy) {
        return select("unevaluated_at IS NULL AND completed_at <= ?"
                + " AND NOT ((owes_item AND item_done) OR (NOT owes_item AND staff_done))"
                + " ORDER BY completed_at, case_no", completedBy.toInstant().toEpochMilli());
    }

    @Override
    public boolean claimReminder(String caseNo, OffsetDateTime at) {
        return update("UPDATE " + table + " SET reminded_at = ? WHERE case_no = ? AND reminded_at IS NULL",
                at.toInstant().toEpochMilli(), caseNo) == 1;
    }

    @Override
    public boolean claimUnevaluated(String caseNo, OffsetDateTime at) {
        return update("UPDATE " + table + " SET unevaluated_at = ? WHERE case_no = ? AND unevaluated_at IS NULL",
                at.toInstant().toEpochMilli(), caseNo) == 1;
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = autoCommit(); PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, parameters);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw failure("update", e);
        }
    }

    private List<TrackedCase> select(String where, Object... parameters) {
        try (Connection connection = autoCommit()) {
            return select(connection, where, parameters);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private TrackedCase selectOne(Connection connection, String where, Object parameter) throws SQLException {
        List<TrackedCase> found = select(connection, where, parameter);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<TrackedCase> select(Connection connection, String where, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE " + where)) {
            bind(select, parameters);
            List<TrackedCase> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static TrackedCase read(ResultSet rs) throws SQLException {
        boolean owesItem = rs.getBoolean("owes_item");
        Set<Target> owed = EnumSet.noneOf(Target.class);
        Set<Target> evaluated = EnumSet.noneOf(Target.class);
        if (owesItem) {
            owed.add(Target.SERVICE_ITEM);
        }
        if (rs.getBoolean("owes_staff")) {
            owed.add(Target.SERVICE_STAFF);
        }
        if (rs.getBoolean("item_done")) {
            evaluated.add(Target.SERVICE_ITEM);
        }
        if (rs.getBoolean("staff_done")) {
            evaluated.add(Target.SERVICE_STAFF);
        }
        return TrackedCase.builder().linkId(rs.getLong("link_id")).caseNo(rs.getString("case_no"))
                .department(rs.getString("dept_code"), rs.getString("dept_name")).itemName(rs.getString("item_name"))
                .areaCode(rs.getString("area_code")).hallCode(rs.getString("hall_code"))
                .staffNo(rs.getString("staff_no")).batchNo(rs.getString("batch_no")).themeCode(rs.getString("theme_code"))
                .completedAt(time(rs.getLong("completed_at")))
                .owed(owed, owesItem ? Target.SERVICE_ITEM : Target.SERVICE_STAFF).evaluated(evaluated)
                .remindedAt(optionalTime(rs, "reminded_at")).unevaluatedAt(optionalTime(rs, "unevaluated_at")).build();
    }

    private static OffsetDateTime optionalTime(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : time(millis);
    }

    private static OffsetDateTime time(long epochMillis) {
        return ShanghaiTime.normalize(Instant.ofEpochMilli(epochMillis).atOffset(java.time.ZoneOffset.UTC));
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof Long) {
                statement.setLong(i + 1, (Long) p);
            } else {
                statement.setString(i + 1, (String) p);
            }
        }
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private Connection autoCommit() throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " the tracker's table " + table + ": SQL state "
                + e.getSQLState(), e);
    }

    @Override
    public String toString() {
        return "JdbcTrackerStore{" + table + "}";
    }
}
