-- 好差评 SDK, schema version 1, MySQL 8.0+ and MariaDB 10.6+ (SKIP LOCKED), InnoDB.
-- Apply with Flyway/Liquibase or JdbcSchema.apply. Times are epoch milliseconds (UTC).

-- The outbox (docs/server.md): one row per submitted record, shared by every instance of the application.
CREATE TABLE IF NOT EXISTS hcp_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    idempotency_key VARCHAR(255) CHARACTER SET ascii NOT NULL,  -- sent as Idempotency-Key: counted once
    kind            VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    payload         LONGBLOB,               -- set to NULL on delivery (Art. 17)
    status          VARCHAR(16)  CHARACTER SET ascii NOT NULL,  -- PENDING, DELIVERED, DEAD
    created_at      BIGINT       NOT NULL,
    due_at          BIGINT       NOT NULL,  -- next attempt, or end of the lease of the instance delivering it
    lease_owner     VARCHAR(64)  CHARACTER SET ascii,
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      VARCHAR(500),           -- the platform's reason for a dead letter; never personal data
    finished_at     BIGINT,
    KEY hcp_outbox_due (status, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The shared replay guard: nonces of accepted callbacks until their signature window has passed.
CREATE TABLE IF NOT EXISTS hcp_replay_nonce (
    nonce      VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    expires_at BIGINT       NOT NULL,
    KEY hcp_replay_nonce_expiry (expires_at)
) ENGINE = InnoDB;

-- The Art. 16 tracker (tracking.EvaluationTracker): completed cases owed an evaluation, their reminder and 未评 claims.
-- No personal data: the evaluator's mobile stays with the application (Art. 17).
CREATE TABLE IF NOT EXISTS hcp_tracked_case (
    link_id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,  -- carried by the reminder link
    case_no        VARCHAR(64)  NOT NULL,
    dept_code      VARCHAR(64),
    dept_name      VARCHAR(200),
    item_name      VARCHAR(500),
    area_code      VARCHAR(12),
    hall_code      VARCHAR(64),
    staff_no       VARCHAR(64),
    batch_no       VARCHAR(64),
    theme_code     VARCHAR(64),
    completed_at   BIGINT       NOT NULL,
    owes_item      BOOLEAN      NOT NULL,  -- the item is owed, and decisive (else the staff is: Art. 15)
    owes_staff     BOOLEAN      NOT NULL,
    item_done      BOOLEAN      NOT NULL DEFAULT FALSE,
    staff_done     BOOLEAN      NOT NULL DEFAULT FALSE,
    reminded_at    BIGINT,                 -- claimed once, by one instance
    unevaluated_at BIGINT,                 -- marked 未评 once, by one instance
    UNIQUE KEY hcp_tracked_case_no (case_no),
    KEY hcp_tracked_case_open (unevaluated_at, completed_at),
    KEY hcp_tracked_case_batch (batch_no),
    KEY hcp_tracked_case_theme (theme_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
