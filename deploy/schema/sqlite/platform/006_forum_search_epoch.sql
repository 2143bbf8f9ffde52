-- Counts every change that can alter which threads a search matches other than a new thread: a
-- thread's text or department edited, or a thread deleted. Search totals counted at one epoch stay
-- exact by adding the matches among newer threads; at a new epoch they are counted again.
CREATE TABLE IF NOT EXISTS forum_search_epoch
(
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT OR IGNORE INTO forum_search_epoch (id, value) VALUES (1, 0);

-- A projection rewrites every column; only a real change of the searched ones counts.
CREATE TRIGGER IF NOT EXISTS forum_search_epoch_update AFTER UPDATE OF title, body, department ON forum_threads
WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.department IS NOT new.department
BEGIN
    UPDATE forum_search_epoch SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS forum_search_epoch_delete AFTER DELETE ON forum_threads
BEGIN
    UPDATE forum_search_epoch SET value = value + 1 WHERE id = 1;
END;
