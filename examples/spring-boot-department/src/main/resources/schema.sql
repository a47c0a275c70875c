-- The department's own tables (not the SDK's): applied at start-up by spring.sql.init (application.yml). Plain SQL
-- that PostgreSQL and H2 both run; every statement is idempotent, so every instance may run it at every start.
-- The outbox's tables (hcp_outbox, hcp_replay_nonce) are created by the starter (hcp.outbox.initialize-schema).

-- A completed case (办结的办件) as this department recorded it.
CREATE TABLE IF NOT EXISTS dept_case (
    case_no           VARCHAR(64)  PRIMARY KEY,
    item_code         VARCHAR(64)  NOT NULL,
    item_name         VARCHAR(200) NOT NULL,
    handling_mode     VARCHAR(32)  NOT NULL,
    accepted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    outbox_sequence   BIGINT       NOT NULL,  -- the case record's row in hcp_outbox
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    work_order_no     VARCHAR(32),            -- a bad review's work order (差评工单), once pushed
    work_order_state  VARCHAR(32),
    work_order_due_at TIMESTAMP WITH TIME ZONE
);

-- The evaluations this department's site collected (专网业务系统, Art. 9(二)); the evaluator's identity is not kept
-- here, only in the outbox row until it is delivered (then erased, Art. 17).
CREATE TABLE IF NOT EXISTS dept_evaluation (
    evaluation_id    VARCHAR(64) PRIMARY KEY,
    case_no          VARCHAR(64) NOT NULL REFERENCES dept_case (case_no),
    kind             VARCHAR(16) NOT NULL,
    grade            VARCHAR(32) NOT NULL,
    evaluated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    outbox_sequence  BIGINT      NOT NULL,    -- its row in hcp_outbox
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS dept_evaluation_case ON dept_evaluation (case_no);
