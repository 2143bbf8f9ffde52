-- The append-only audit log: sign-ins, admin actions and every access to health data.
CREATE TABLE IF NOT EXISTS audit_log
(
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at     BIGINT       NOT NULL,
    actor_id        VARCHAR(64)  COLLATE ascii_bin NULL,
    subject_user_id VARCHAR(64)  COLLATE ascii_bin NULL,
    action          VARCHAR(64)  NOT NULL,
    target          VARCHAR(400) NULL,
    ip              VARCHAR(64)  NULL,
    CONSTRAINT pk_audit_log PRIMARY KEY (id),
    KEY ix_audit_actor (actor_id, id),
    KEY ix_audit_subject (subject_user_id, id),
    KEY ix_audit_action (action, id)
) CHARACTER SET utf8mb4;

-- Append-only is enforced by the database, not just by the code that writes to it.
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
