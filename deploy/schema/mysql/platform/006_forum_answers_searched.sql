-- Forum search also matches the doctors' answers: a thread's row keeps the text of its answers,
-- indexed with the title and the body. Threads from before this get theirs when next projected.
-- Indexes built here must index every word, as 004 and 005's do: this runs in its own session on an
-- upgraded database, where InnoDB's default stop-word list (how, when, who, ...) would apply.
SET SESSION innodb_ft_enable_stopword = OFF;
ALTER TABLE forum_threads ADD COLUMN answers_text MEDIUMTEXT NOT NULL DEFAULT '';
ALTER TABLE forum_threads DROP INDEX ft_forum_threads;
ALTER TABLE forum_threads ADD FULLTEXT KEY ft_forum_threads (title, body, answers_text);
