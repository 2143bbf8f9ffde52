-- The append-only audit log: sign-ins, admin actions and every access to health data.
CREATE TABLE IF NOT EXISTS audit_log
(
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at     INTEGER NOT NULL,
    actor_id        TEXT    NULL,
    subject_user_id TEXT    NULL,
    action          TEXT    NOT NULL,
    target          TEXT    NULL,
    ip              TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_actor ON audit_log (actor_id, id);
CREATE INDEX IF NOT EXISTS ix_audit_subject ON audit_log (subject_user_id, id);
CREATE INDEX IF NOT EXISTS ix_audit_action ON audit_log (action, id);

-- Append-only is enforced by the database, not just by the code that writes to it.
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
