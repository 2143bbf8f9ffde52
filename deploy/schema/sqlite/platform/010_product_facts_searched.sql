-- Products carry their facts (active ingredients, brand names, what they are for, a short leaflet)
-- as the view's JSON, and search matches them through one more indexed column: the ingredients,
-- brand names, indications and the category's name. Rows get both when next projected; every
-- product grain projects when it is woken, and the starter catalog's are woken at start-up.
ALTER TABLE products ADD COLUMN facts TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN keywords TEXT NOT NULL DEFAULT '';

DROP TRIGGER IF EXISTS products_fts_insert;
DROP TRIGGER IF EXISTS products_fts_delete;
DROP TRIGGER IF EXISTS products_fts_update;
DROP TABLE IF EXISTS products_fts;
CREATE VIRTUAL TABLE products_fts USING fts5
(
    name, strength, description, keywords,
    content = 'products', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6'
);
INSERT INTO products_fts (products_fts) VALUES ('rebuild');

CREATE TRIGGER products_fts_insert AFTER INSERT ON products
BEGIN
    INSERT INTO products_fts (rowid, name, strength, description, keywords) VALUES (new.seq, new.name, new.strength, new.description, new.keywords);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, strength, description, keywords) VALUES ('delete', old.seq, old.name, old.strength, old.description, old.keywords);
END;
-- Stock changes rewrite the row all day; only a changed text is indexed again.
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, strength, description, keywords ON products
WHEN old.name IS NOT new.name OR old.strength IS NOT new.strength OR old.description IS NOT new.description OR old.keywords IS NOT new.keywords
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, strength, description, keywords) VALUES ('delete', old.seq, old.name, old.strength, old.description, old.keywords);
    INSERT INTO products_fts (rowid, name, strength, description, keywords) VALUES (new.seq, new.name, new.strength, new.description, new.keywords);
END;
