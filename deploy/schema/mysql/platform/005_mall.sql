-- The medicine mall's reference data and read models. Product and Prescription grains are the
-- source of truth and project here after every change and on activation.

CREATE TABLE IF NOT EXISTS product_categories
(
    id         VARCHAR(64)  COLLATE ascii_bin NOT NULL,
    name       VARCHAR(100) NOT NULL,
    sort_order INT          NOT NULL,
    CONSTRAINT pk_product_categories PRIMARY KEY (id)
) CHARACTER SET utf8mb4;

SET SESSION innodb_ft_enable_stopword = OFF;

CREATE TABLE IF NOT EXISTS products
(
    id                    VARCHAR(64)   COLLATE ascii_bin NOT NULL,
    name                  VARCHAR(120)  NOT NULL,
    category              VARCHAR(64)   COLLATE ascii_bin NOT NULL,
    form                  VARCHAR(40)   NOT NULL,
    strength              VARCHAR(40)   NOT NULL,
    description           VARCHAR(2000) NOT NULL,
    price_cents           BIGINT        NOT NULL,
    stock                 INT           NOT NULL,
    requires_prescription TINYINT(1)    NOT NULL,
    controlled            TINYINT(1)    NOT NULL,
    max_per_order         INT           NULL,
    updated_at            BIGINT        NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (id),
    KEY ix_products_name (name, id),
    KEY ix_products_category_name (category, name, id),
    FULLTEXT KEY ft_products (name, strength, description)
) CHARACTER SET utf8mb4;

-- A patient's prescriptions and a doctor's: the grain's view at the last change, for lists.
-- The status is worked out again when read, because prescriptions expire with time.
CREATE TABLE IF NOT EXISTS prescriptions
(
    id         VARCHAR(64) COLLATE ascii_bin NOT NULL,
    patient_id VARCHAR(64) COLLATE ascii_bin NOT NULL,
    doctor_id  VARCHAR(64) COLLATE ascii_bin NOT NULL,
    issued_at  BIGINT      NOT NULL,
    snapshot   TEXT        NOT NULL,
    CONSTRAINT pk_prescriptions PRIMARY KEY (id),
    KEY ix_prescriptions_patient (patient_id, issued_at),
    KEY ix_prescriptions_doctor (doctor_id, issued_at)
) CHARACTER SET utf8mb4;
