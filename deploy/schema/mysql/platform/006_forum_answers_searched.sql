-- Forum search also matches the doctors' answers: a thread's row keeps the text of its answers,
-- indexed with the title and the body. Threads from before this get theirs when next projected.
ALTER TABLE forum_threads ADD COLUMN answers_text MEDIUMTEXT NOT NULL DEFAULT '';
ALTER TABLE forum_threads DROP INDEX ft_forum_threads;
ALTER TABLE forum_threads ADD FULLTEXT KEY ft_forum_threads (title, body, answers_text);
