-- Read model of accounts for the admin's lists. The User grain is the source of truth and
-- projects into this table after every change and on activation.
CREATE TABLE IF NOT EXISTS users
(
    id             TEXT    NOT NULL PRIMARY KEY,
    email          TEXT    NOT NULL,
    display_name   TEXT    NOT NULL,
    role           TEXT    NOT NULL,
    verified       INTEGER NOT NULL,
    department     TEXT    NULL,
    license_number TEXT    NULL,
    created_at     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_users_created ON users (created_at);
CREATE INDEX IF NOT EXISTS ix_users_role_verified_created ON users (role, verified, created_at);
