-- Grain state in the embedded SQLite file, written by SqliteGrainStorage (src/Grains/Storage).
-- Orleans' ADO.NET providers do not support SQLite in 10.4, so embedded mode has its own small
-- provider with the same semantics: one row per grain state, optimistic concurrency on version.
CREATE TABLE IF NOT EXISTS grain_state
(
    provider    TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    grain_id    TEXT    NOT NULL,
    payload     BLOB    NULL,
    version     INTEGER NOT NULL,
    modified_at INTEGER NOT NULL,
    PRIMARY KEY (provider, state_name, grain_id)
) WITHOUT ROWID;
