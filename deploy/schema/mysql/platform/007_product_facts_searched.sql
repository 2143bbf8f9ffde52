-- Products carry their facts (active ingredients, brand names, what they are for, a short leaflet)
-- as the view's JSON, and search matches them through one more indexed column: the ingredients,
-- brand names, indications and the category's name. Rows get both when next projected.
-- Indexes built here must index every word, as 004 and 005's do: this runs in its own session on an
-- upgraded database, where InnoDB's default stop-word list (how, when, who, ...) would apply.
SET SESSION innodb_ft_enable_stopword = OFF;
ALTER TABLE products ADD COLUMN facts MEDIUMTEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
ALTER TABLE products DROP INDEX ft_products;
ALTER TABLE products ADD FULLTEXT KEY ft_products (name, strength, description, keywords);
-- InnoDB scores a MATCH only over a whole index's columns: these two let a search weigh a match in
-- the name or in the keywords above one in the description, as bm25's column weights do in SQLite.
ALTER TABLE products ADD FULLTEXT KEY ft_products_name (name);
ALTER TABLE products ADD FULLTEXT KEY ft_products_keywords (keywords);
