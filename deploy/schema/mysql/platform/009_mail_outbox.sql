-- Mail waiting to be sent, and mail sent (kept for the admin's mailbox page and to answer "was it
-- sent?"). The key names the change that caused a message, so queuing it again after a crash
-- queues nothing new. A silo that takes a message to send holds it for a lease; one that dies
-- while sending leaves it to another when the lease ends.
CREATE TABLE IF NOT EXISTS mail_outbox
(
    mail_key        VARCHAR(200) COLLATE ascii_bin NOT NULL,
    message_id      VARCHAR(100) COLLATE ascii_bin NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    text_body       MEDIUMTEXT   NOT NULL,
    html_body       MEDIUMTEXT   NOT NULL,
    created_at      BIGINT       NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at BIGINT       NOT NULL,
    lease_token     VARCHAR(64)  COLLATE ascii_bin NULL,
    lease_until     BIGINT       NULL,
    sent_at         BIGINT       NULL,
    last_error      VARCHAR(1000) NULL,
    CONSTRAINT pk_mail_outbox PRIMARY KEY (mail_key),
    KEY ix_mail_outbox_due (sent_at, next_attempt_at)
) CHARACTER SET utf8mb4;
