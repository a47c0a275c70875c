/**
 * The server-side JDBC pieces as a Java module, in {@code META-INF/versions/9} of a multi-release jar (the classes
 * stay Java 8 bytecode; see sdk-core's descriptor).
 */
module org.haochaping.jdbc {
    requires transitive org.haochaping.core;
    requires transitive java.sql;
    requires org.slf4j;

    exports org.haochaping.jdbc;

    // The versioned SQL scripts (docs/server.md): JdbcSchema reads them through the class loader, and applications
    // that run Flyway or Liquibase read them from the jar; both need the packages open.
    opens org.haochaping.jdbc.schema.h2;
    opens org.haochaping.jdbc.schema.mysql;
    opens org.haochaping.jdbc.schema.postgresql;
}
