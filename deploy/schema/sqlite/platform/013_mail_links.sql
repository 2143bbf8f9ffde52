-- A mail with a single-use link names whose token it carries and what for; the token itself is
-- issued as the mail is sent and never stored here (the bodies hold a placeholder).
ALTER TABLE mail_outbox ADD COLUMN link_user TEXT NULL;
ALTER TABLE mail_outbox ADD COLUMN link_purpose INTEGER NULL;
ALTER TABLE mail_outbox ADD COLUMN link_scope TEXT NULL;
-- The admin's user list shows whether an address was confirmed; accounts from before confirmation count as confirmed.
ALTER TABLE users ADD COLUMN email_verified INTEGER NOT NULL DEFAULT 1;
