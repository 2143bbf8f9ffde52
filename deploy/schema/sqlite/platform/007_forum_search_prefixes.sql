-- A search matches word beginnings ("wheez"). Without prefix indexes FTS5 merges the doclists of
-- every word with that beginning on each query, even for one page: 2.4 ms for "pain"* at 100k
-- threads, 0.05 ms with them. They make the index about six times larger and an insert about a
-- quarter slower (docs/benchmarks.md), so the text is indexed again only when it really changes.
DROP TABLE IF EXISTS forum_threads_fts;
CREATE VIRTUAL TABLE forum_threads_fts USING fts5
(
    title, body,
    content = 'forum_threads', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8'
);
INSERT INTO forum_threads_fts (forum_threads_fts) VALUES ('rebuild');

-- Every projection of a thread (an answer, an acceptance) rewrites its row; only a changed text is indexed again.
DROP TRIGGER IF EXISTS forum_threads_fts_update;
CREATE TRIGGER forum_threads_fts_update AFTER UPDATE OF title, body ON forum_threads
WHEN old.title IS NOT new.title OR old.body IS NOT new.body
BEGIN
    INSERT INTO forum_threads_fts (forum_threads_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO forum_threads_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
