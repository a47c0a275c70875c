/**
 * The SDK's core as a Java module. Compiled on its own at release 9 into {@code META-INF/versions/9} of a
 * multi-release jar: every other class stays Java 8 bytecode, and Android (which does not read module
 * descriptors) never sees it. Every package with public types is exported except {@code ...internal...} packages,
 * which hold what only the SDK's own modules and tools use (ModuleDescriptorTest checks both).
 */
module org.haochaping.core {
    // Types of these appear in the public API (JsonNode, OkHttpClient, ResultSet): a consumer reads them too.
    requires transitive com.fasterxml.jackson.databind;
    requires transitive okhttp3;
    requires transitive java.sql;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.slf4j;

    exports org.haochaping;
    exports org.haochaping.badreview;
    exports org.haochaping.calendar;
    exports org.haochaping.client;
    exports org.haochaping.crypto;
    exports org.haochaping.crypto.cipher;
    exports org.haochaping.crypto.envelope;
    exports org.haochaping.crypto.keys;
    exports org.haochaping.crypto.request;
    exports org.haochaping.crypto.sign;
    exports org.haochaping.deadline;
    exports org.haochaping.event;
    exports org.haochaping.model;
    exports org.haochaping.model.id;
    exports org.haochaping.outbox;
    exports org.haochaping.privacy;
    exports org.haochaping.rules;
    exports org.haochaping.scorecard;
    exports org.haochaping.tracking;
    exports org.haochaping.transport;
    exports org.haochaping.wire;

    // Jackson binds these packages' annotated records (work orders, deadlines, scorecard rows) by reflection.
    opens org.haochaping.badreview to com.fasterxml.jackson.databind;
    opens org.haochaping.deadline to com.fasterxml.jackson.databind;
    opens org.haochaping.scorecard to com.fasterxml.jackson.databind;
}
