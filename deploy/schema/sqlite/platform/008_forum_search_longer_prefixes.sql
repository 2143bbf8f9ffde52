-- Prefix indexes up to 16 characters instead of 8: a search word longer than the longest one
-- ("psoriasis", "palpitations") was merged from every matching word's doclist on each query,
-- 1.07 ms for one page at 100k threads against 0.07 ms with the index. Health words are long;
-- the index grew about 5 % and inserts about 7 % in the same measurement (docs/benchmarks.md).
-- The triggers that keep the index in step are on forum_threads and stay as they are.
DROP TABLE IF EXISTS forum_threads_fts;
CREATE VIRTUAL TABLE forum_threads_fts USING fts5
(
    title, body,
    content = 'forum_threads', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7 8 9 10 11 12 13 14 15 16'
);
INSERT INTO forum_threads_fts (forum_threads_fts) VALUES ('rebuild');
