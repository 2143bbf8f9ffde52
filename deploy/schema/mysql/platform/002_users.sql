-- Read model of accounts for the admin's lists. The User grain is the source of truth and
-- projects into this table after every change and on activation.
CREATE TABLE IF NOT EXISTS users
(
    id             VARCHAR(64)  COLLATE ascii_bin NOT NULL,
    email          VARCHAR(320) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    verified       TINYINT(1)   NOT NULL,
    department     VARCHAR(64)  NULL,
    license_number VARCHAR(64)  NULL,
    created_at     BIGINT       NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    KEY ix_users_created (created_at),
    KEY ix_users_role_verified_created (role, verified, created_at)
) CHARACTER SET utf8mb4;
