package org.haochaping.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** The {@code hcp.*} settings of a department system (docs/server.md). */
@ConfigurationProperties(prefix = "hcp")
public class HcpProperties {

    /** The central platform's base URL, e.g. https://hcp.example.gov.cn/api. */
    private String baseUrl;

    /** The app id the platform registered for this system; the starter configures nothing without it. */
    private String appId;

    private final Signing signing = new Signing();
    private final Platform platform = new Platform();
    private final Outbox outbox = new Outbox();
    private final Callbacks callbacks = new Callbacks();
    private final Health health = new Health();

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public Signing getSigning() {
        return signing;
    }

    public Platform getPlatform() {
        return platform;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Callbacks getCallbacks() {
        return callbacks;
    }

    public Health getHealth() {
        return health;
    }

    /** This system's signing key (interface-spec 4). */
    public static class Signing {

        /** The key id the platform knows this system's public key under. */
        private String keyId;

        /** The private key: PEM (PKCS#8 or SEC1) or PKCS#12, e.g. file:/etc/hcp/app.p12 or classpath:keys/app.pem. */
        private Resource privateKey;

        /** The password of an encrypted PEM or of a PKCS#12 file. */
        private String keyPassword;

        /**
         * When the signing key (its certificate) expires: a date (valid through that day, Beijing time), e.g. 2027-06-30,
         * or a date-time with offset, e.g. 2027-06-30T18:00:00+08:00. Shown and checked by the health indicator.
         */
        private String expiresAt;

        /** How long before the key expires the health indicator reports KEY_EXPIRING. */
        private Duration expiryWarning = Duration.ofDays(30);

        public String getExpiresAt() {
            return expiresAt;
        }

        public void setExpiresAt(String expiresAt) {
            this.expiresAt = expiresAt;
        }

        public Duration getExpiryWarning() {
            return expiryWarning;
        }

        public void setExpiryWarning(Duration expiryWarning) {
            this.expiryWarning = expiryWarning;
        }

        public String getKeyId() {
            return keyId;
        }

        public void setKeyId(String keyId) {
            this.keyId = keyId;
        }

        public Resource getPrivateKey() {
            return privateKey;
        }

        public void setPrivateKey(Resource privateKey) {
            this.privateKey = privateKey;
        }

        public String getKeyPassword() {
            return keyPassword;
        }

        public void setKeyPassword(String keyPassword) {
            this.keyPassword = keyPassword;
        }

        @Override
        public String toString() {
            return "Signing{keyId=" + keyId + ", privateKey=" + privateKey + ", expiresAt=" + expiresAt
                    + "}"; // never the password
        }
    }

    /** The platform's keys that sign its responses and callbacks. */
    public static class Platform {

        /** Public keys (PEM) by key id; several during a rotation. */
        private Map<String, Resource> keys = new LinkedHashMap<>();

        public Map<String, Resource> getKeys() {
            return keys;
        }

        public void setKeys(Map<String, Resource> keys) {
            this.keys = keys;
        }
    }

    /** Where submissions wait until the platform has them. */
    public static class Outbox {

        /** jdbc (when a DataSource exists, the default then), file (the default otherwise) or none. */
        private StoreType store;

        /** The file journal's directory (store=file). */
        private Path directory = Path.of("hcp-outbox");

        /** The prefix of the outbox and replay-guard tables (store=jdbc): hcp_outbox, hcp_replay_nonce. */
        private String tablePrefix = "hcp_";

        /** Whether the starter creates the tables at start-up (idempotent); off when Flyway/Liquibase does it. */
        private boolean initializeSchema = true;

        /** How long a claimed row belongs to one instance before another may deliver it again. */
        private Duration lease = Duration.ofMinutes(2);

        /** How often an idle instance looks for rows to deliver. */
        private Duration pollInterval = Duration.ofSeconds(1);

        /** How long delivered rows (without payload) are kept as an audit trail. */
        private Duration retention = Duration.ofDays(7);

        public StoreType getStore() {
            return store;
        }

        public void setStore(StoreType store) {
            this.store = store;
        }

        public Path getDirectory() {
            return directory;
        }

        public void setDirectory(Path directory) {
            this.directory = directory;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }

    /** What keeps the outbox. */
    public enum StoreType {
        /** A table shared by every instance (sdk-jdbc). */
        JDBC,
        /** The file journal of one process. */
        FILE,
        /** No outbox bean. */
        NONE
    }

    /** The endpoint the platform pushes bad-review work orders to (interface-spec 5.5). */
    public static class Callbacks {

        /** The path of the callback endpoint. */
        private String path = "/hcp/callbacks";

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    /** What the health indicator checks beyond the outbox and the calendar. */
    public static class Health {

        /** Whether the health indicator checks that the platform answers and verifies (a signed calendar GET). */
        private boolean platform = true;

        /** How long a platform check's result is kept before the next health probe checks again. */
        private Duration platformInterval = Duration.ofMinutes(5);

        /** How long a health probe waits for a running platform check before it reports the previous result. */
        private Duration platformWait = Duration.ofSeconds(5);

        public boolean isPlatform() {
            return platform;
        }

        public void setPlatform(boolean platform) {
            this.platform = platform;
        }

        public Duration getPlatformInterval() {
            return platformInterval;
        }

        public void setPlatformInterval(Duration platformInterval) {
            this.platformInterval = platformInterval;
        }

        public Duration getPlatformWait() {
            return platformWait;
        }

        public void setPlatformWait(Duration platformWait) {
            this.platformWait = platformWait;
        }
    }
}
