-- The medicine mall's reference data and read models. Product and Prescription grains are the
-- source of truth and project here after every change and on activation.

CREATE TABLE IF NOT EXISTS product_categories
(
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS products
(
    seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
    id                    TEXT    NOT NULL UNIQUE,
    name                  TEXT    NOT NULL,
    category              TEXT    NOT NULL,
    form                  TEXT    NOT NULL,
    strength              TEXT    NOT NULL,
    description           TEXT    NOT NULL,
    price_cents           INTEGER NOT NULL,
    stock                 INTEGER NOT NULL,
    requires_prescription INTEGER NOT NULL,
    controlled            INTEGER NOT NULL,
    max_per_order         INTEGER NULL,
    updated_at            INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_products_name ON products (name COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS ix_products_category_name ON products (category, name COLLATE NOCASE, id);

CREATE VIRTUAL TABLE IF NOT EXISTS products_fts USING fts5
(
    name, strength, description,
    content = 'products', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS products_fts_insert AFTER INSERT ON products
BEGIN
    INSERT INTO products_fts (rowid, name, strength, description) VALUES (new.seq, new.name, new.strength, new.description);
END;
CREATE TRIGGER IF NOT EXISTS products_fts_delete AFTER DELETE ON products
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, strength, description) VALUES ('delete', old.seq, old.name, old.strength, old.description);
END;
CREATE TRIGGER IF NOT EXISTS products_fts_update AFTER UPDATE OF name, strength, description ON products
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, strength, description) VALUES ('delete', old.seq, old.name, old.strength, old.description);
    INSERT INTO products_fts (rowid, name, strength, description) VALUES (new.seq, new.name, new.strength, new.description);
END;

-- A patient's prescriptions and a doctor's: the grain's view at the last change, for lists.
-- The status is worked out again when read, because prescriptions expire with time.
CREATE TABLE IF NOT EXISTS prescriptions
(
    id         TEXT    NOT NULL PRIMARY KEY,
    patient_id TEXT    NOT NULL,
    doctor_id  TEXT    NOT NULL,
    issued_at  INTEGER NOT NULL,
    snapshot   TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_prescriptions_patient ON prescriptions (patient_id, issued_at);
CREATE INDEX IF NOT EXISTS ix_prescriptions_doctor ON prescriptions (doctor_id, issued_at);
