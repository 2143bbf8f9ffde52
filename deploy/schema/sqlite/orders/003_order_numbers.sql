-- Order numbers (MP-7F3K2Q): short enough to read out on the phone, so they are drawn from a space
-- where two orders could draw the same one. This table is what makes each one unique: an order
-- claims a number here before its state is saved, and takes the next candidate if it is held.
CREATE TABLE IF NOT EXISTS order_numbers
(
    number   TEXT NOT NULL PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE
);
