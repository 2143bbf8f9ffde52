-- The forum's reference data and read model. Thread grains are the source of truth and project
-- into forum_threads after every change and on activation.

CREATE TABLE IF NOT EXISTS departments
(
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    sort_order INTEGER NOT NULL
);

-- seq is the projection order and the list order (newest first = seq DESC). It stays put when a
-- thread is projected again (upsert), and it is the full-text index's rowid, so a search can walk
-- matches newest first without sorting them.
CREATE TABLE IF NOT EXISTS forum_threads
(
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT    NOT NULL UNIQUE,
    department   TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    author_id    TEXT    NOT NULL,
    author_name  TEXT    NOT NULL,
    anonymous    INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    answer_count INTEGER NOT NULL,
    has_accepted INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_forum_threads_department ON forum_threads (department, seq);
CREATE INDEX IF NOT EXISTS ix_forum_threads_author ON forum_threads (author_id, seq);

-- Thread counts per department, kept by trigger, so an unfiltered or department list knows its
-- total without counting rows (COUNT(*) over 100k threads costs milliseconds per page view).
CREATE TABLE IF NOT EXISTS forum_thread_counts
(
    department TEXT    NOT NULL PRIMARY KEY,
    threads    INTEGER NOT NULL
);
CREATE TRIGGER IF NOT EXISTS forum_thread_counts_insert AFTER INSERT ON forum_threads
BEGIN
    INSERT INTO forum_thread_counts (department, threads) VALUES (new.department, 1)
    ON CONFLICT (department) DO UPDATE SET threads = threads + 1;
END;
CREATE TRIGGER IF NOT EXISTS forum_thread_counts_delete AFTER DELETE ON forum_threads
BEGIN
    UPDATE forum_thread_counts SET threads = threads - 1 WHERE department = old.department;
END;

-- Which doctors answered which thread, for a doctor's "mine" list.
CREATE TABLE IF NOT EXISTS forum_thread_doctors
(
    doctor_id  TEXT    NOT NULL,
    thread_seq INTEGER NOT NULL,
    PRIMARY KEY (doctor_id, thread_seq)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE IF NOT EXISTS forum_threads_fts USING fts5
(
    title, body,
    content = 'forum_threads', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER IF NOT EXISTS forum_threads_fts_insert AFTER INSERT ON forum_threads
BEGIN
    INSERT INTO forum_threads_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS forum_threads_fts_delete AFTER DELETE ON forum_threads
BEGIN
    INSERT INTO forum_threads_fts (forum_threads_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;
CREATE TRIGGER IF NOT EXISTS forum_threads_fts_update AFTER UPDATE OF title, body ON forum_threads
BEGIN
    INSERT INTO forum_threads_fts (forum_threads_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO forum_threads_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
