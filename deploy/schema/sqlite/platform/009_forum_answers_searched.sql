-- Forum search also matches the doctors' answers: a thread's row keeps the text of its answers,
-- indexed with the title and the body. Threads from before this get theirs when next projected
-- (when the thread is next woken or changed).
ALTER TABLE forum_threads ADD COLUMN answers_text TEXT NOT NULL DEFAULT '';

DROP TRIGGER IF EXISTS forum_threads_fts_insert;
DROP TRIGGER IF EXISTS forum_threads_fts_delete;
DROP TRIGGER IF EXISTS forum_threads_fts_update;
DROP TABLE IF EXISTS forum_threads_fts;
CREATE VIRTUAL TABLE forum_threads_fts USING fts5
(
    title, body, answers_text,
    content = 'forum_threads', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8 9 10 11 12 13 14 15 16'
);
INSERT INTO forum_threads_fts (forum_threads_fts) VALUES ('rebuild');

CREATE TRIGGER forum_threads_fts_insert AFTER INSERT ON forum_threads
BEGIN
    INSERT INTO forum_threads_fts (rowid, title, body, answers_text) VALUES (new.seq, new.title, new.body, new.answers_text);
END;
CREATE TRIGGER forum_threads_fts_delete AFTER DELETE ON forum_threads
BEGIN
    INSERT INTO forum_threads_fts (forum_threads_fts, rowid, title, body, answers_text) VALUES ('delete', old.seq, old.title, old.body, old.answers_text);
END;
-- Every projection of a thread (an acceptance, an endorsement) rewrites its row; only a changed text is indexed again.
CREATE TRIGGER forum_threads_fts_update AFTER UPDATE OF title, body, answers_text ON forum_threads
WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.answers_text IS NOT new.answers_text
BEGIN
    INSERT INTO forum_threads_fts (forum_threads_fts, rowid, title, body, answers_text) VALUES ('delete', old.seq, old.title, old.body, old.answers_text);
    INSERT INTO forum_threads_fts (rowid, title, body, answers_text) VALUES (new.seq, new.title, new.body, new.answers_text);
END;

-- A new answer changes which threads a search matches: kept search totals are counted again.
DROP TRIGGER IF EXISTS forum_search_epoch_update;
CREATE TRIGGER forum_search_epoch_update AFTER UPDATE OF title, body, department, answers_text ON forum_threads
WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.department IS NOT new.department OR old.answers_text IS NOT new.answers_text
BEGIN
    UPDATE forum_search_epoch SET value = value + 1 WHERE id = 1;
END;
