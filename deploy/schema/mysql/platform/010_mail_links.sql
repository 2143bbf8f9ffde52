-- A mail with a single-use link names whose token it carries and what for; the token itself is
-- issued as the mail is sent and never stored here (the bodies hold a placeholder).
ALTER TABLE mail_outbox ADD COLUMN IF NOT EXISTS link_user VARCHAR(64) COLLATE ascii_bin NULL,
    ADD COLUMN IF NOT EXISTS link_purpose INT NULL,
    ADD COLUMN IF NOT EXISTS link_scope VARCHAR(40) COLLATE ascii_bin NULL;
-- The admin's user list shows whether an address was confirmed; accounts from before confirmation count as confirmed.
ALTER TABLE users ADD COLUMN IF NOT EXISTS email_verified TINYINT(1) NOT NULL DEFAULT 1;
