package org.haochaping.jdbc;

import java.util.regex.Pattern;

/**
 * The names of the SDK's tables: the outbox, the replay guard and the Art. 16 tracker, under one prefix ({@code hcp_}
 * by default, so the tables are {@code hcp_outbox}, {@code hcp_replay_nonce} and {@code hcp_tracked_case}). A prefix
 * lets two applications, or two tests, share a schema. Immutable.
 */
public final class JdbcTables {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,40}");
    private static final Pattern SCRIPT_NAME = Pattern.compile("\\bhcp_");

    /** {@code hcp_outbox} and {@code hcp_replay_nonce}. */
    public static final JdbcTables DEFAULT = new JdbcTables("hcp_");

    private final String prefix;

    private JdbcTables(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Tables named {@code <prefix>outbox} and {@code <prefix>replay_nonce}.
     *
     * @throws IllegalArgumentException unless the prefix is a plain SQL identifier (letters, digits, underscore)
     */
    public static JdbcTables withPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix: a letter or _ followed by up to 40 letters, digits or _");
        }
        return new JdbcTables(prefix);
    }

    public String prefix() {
        return prefix;
    }

    public String outbox() {
        return prefix + "outbox";
    }

    /** The Art. 16 tracker's table ({@link JdbcTrackerStore}). */
    public String trackedCase() {
        return prefix + "tracked_case";
    }

    public String replayNonce() {
        return prefix + "replay_nonce";
    }

    /** A schema script with its {@code hcp_} names (tables and indexes) under this prefix. */
    String rename(String script) {
        return SCRIPT_NAME.matcher(script).replaceAll(prefix);
    }

    @Override
    public String toString() {
        return "JdbcTables{" + outbox() + ", " + replayNonce() + ", " + trackedCase() + "}";
    }
}
