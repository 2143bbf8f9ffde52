-- Mail waiting to be sent, and mail sent (kept for the admin's mailbox page and to answer "was it
-- sent?"). The key names the change that caused a message, so queuing it again after a crash
-- queues nothing new. A silo that takes a message to send holds it for a lease; one that dies
-- while sending leaves it to another when the lease ends.
CREATE TABLE IF NOT EXISTS mail_outbox
(
    mail_key        TEXT    NOT NULL PRIMARY KEY,
    message_id      TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_token     TEXT    NULL,
    lease_until     INTEGER NULL,
    sent_at         INTEGER NULL,
    last_error      TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
