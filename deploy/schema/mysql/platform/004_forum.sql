-- The forum's reference data and read model. Thread grains are the source of truth and project
-- into forum_threads after every change and on activation.

CREATE TABLE IF NOT EXISTS departments
(
    id         VARCHAR(64)  COLLATE ascii_bin NOT NULL,
    name       VARCHAR(100) NOT NULL,
    sort_order INT          NOT NULL,
    CONSTRAINT pk_departments PRIMARY KEY (id)
) CHARACTER SET utf8mb4;

-- Index every word: InnoDB's default stop-word list would make searches for words like "about"
-- or "after" find nothing. Applies to full-text indexes created in this session.
SET SESSION innodb_ft_enable_stopword = OFF;

-- seq is the projection order and the list order (newest first = seq DESC); it stays put when a
-- thread is projected again (INSERT ... ON DUPLICATE KEY UPDATE).
CREATE TABLE IF NOT EXISTS forum_threads
(
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    id           VARCHAR(64)  COLLATE ascii_bin NOT NULL,
    department   VARCHAR(64)  COLLATE ascii_bin NOT NULL,
    title        VARCHAR(200) NOT NULL,
    body         TEXT         NOT NULL,
    author_id    VARCHAR(64)  COLLATE ascii_bin NOT NULL,
    author_name  VARCHAR(200) NOT NULL,
    anonymous    TINYINT(1)   NOT NULL,
    created_at   BIGINT       NOT NULL,
    answer_count INT          NOT NULL,
    has_accepted TINYINT(1)   NOT NULL,
    CONSTRAINT pk_forum_threads PRIMARY KEY (seq),
    UNIQUE KEY ux_forum_threads_id (id),
    KEY ix_forum_threads_department (department, seq),
    KEY ix_forum_threads_author (author_id, seq),
    FULLTEXT KEY ft_forum_threads (title, body)
) CHARACTER SET utf8mb4;

-- Thread counts per department, kept by trigger, so an unfiltered or department list knows its
-- total without counting rows.
CREATE TABLE IF NOT EXISTS forum_thread_counts
(
    department VARCHAR(64) COLLATE ascii_bin NOT NULL,
    threads    BIGINT      NOT NULL,
    CONSTRAINT pk_forum_thread_counts PRIMARY KEY (department)
) CHARACTER SET utf8mb4;
CREATE TRIGGER IF NOT EXISTS forum_thread_counts_insert AFTER INSERT ON forum_threads FOR EACH ROW
    INSERT INTO forum_thread_counts (department, threads) VALUES (NEW.department, 1)
    ON DUPLICATE KEY UPDATE threads = threads + 1;
CREATE TRIGGER IF NOT EXISTS forum_thread_counts_delete AFTER DELETE ON forum_threads FOR EACH ROW
    UPDATE forum_thread_counts SET threads = threads - 1 WHERE department = OLD.department;

-- Which doctors answered which thread, for a doctor's "mine" list.
CREATE TABLE IF NOT EXISTS forum_thread_doctors
(
    doctor_id  VARCHAR(64) COLLATE ascii_bin NOT NULL,
    thread_seq BIGINT      NOT NULL,
    CONSTRAINT pk_forum_thread_doctors PRIMARY KEY (doctor_id, thread_seq)
) CHARACTER SET utf8mb4;
