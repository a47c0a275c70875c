package org.haochaping.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The SDK's versioned schema scripts ({@code org/haochaping/jdbc/schema/<dialect>/V<n>__hcp_outbox.sql}, listed in
 * docs/server.md). Applications that manage their schema with Flyway or Liquibase copy the scripts into their
 * migrations; others call {@link #apply} at start-up (the Spring Boot starter does, unless told not to). Every
 * statement is idempotent ({@code CREATE ... IF NOT EXISTS}), so applying again, or from several instances at once,
 * is harmless.
 */
public final class JdbcSchema {

    /** The newest schema version this SDK ships. */
    public static final int VERSION = 1;

    private JdbcSchema() {
    }

    /** Creates the outbox and replay-guard tables where they do not exist yet. */
    public static void apply(DataSource dataSource, JdbcDialect dialect, JdbcTables tables) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (int version = 1; version <= VERSION; version++) {
                    for (String sql : statements(tables.rename(script(dialect, version)))) {
                        statement.execute(sql);
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The text of schema script {@code version} for {@code dialect}, with the default {@code hcp_} names. */
    public static String script(JdbcDialect dialect, int version) {
        String resource = dialect.scriptResource(version);
        InputStream in = JdbcSchema.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no schema script " + resource + " on the class path for " + dialect);
        }
        try (InputStream stream = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = stream.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + resource, unreadable);
        }
    }

    /** Statements end with {@code ;} at the end of a line; {@code --} comments are dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<String>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            String code = (comment < 0 ? line : line.substring(0, comment)).trim();
            if (code.isEmpty()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.endsWith(";")) {
                String sql = current.toString().trim();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (current.toString().trim().length() > 0) {
            out.add(current.toString().trim());
        }
        return out;
    }
}
