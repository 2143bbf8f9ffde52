-- The payment service's own database (cluster mode): its book of charges and every request it
-- received. No card data: cards arrive sealed with its key, are opened to charge, and forgotten.
CREATE TABLE IF NOT EXISTS gateway_charges
(
    order_id     TEXT    NOT NULL PRIMARY KEY,
    payment_id   TEXT    NOT NULL UNIQUE,
    token        TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    charged_at   INTEGER NOT NULL,
    refunded_at  INTEGER NULL
);

CREATE TABLE IF NOT EXISTS gateway_requests
(
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id  TEXT    NOT NULL,
    operation TEXT    NOT NULL,
    outcome   TEXT    NOT NULL,
    at        INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS gateway_requests_by_order ON gateway_requests (order_id);
