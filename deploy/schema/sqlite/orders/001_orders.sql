-- The order service's own database: order grain state (storage/), the orders read model, and the
-- simulated card gateway's ledger (which a real deployment would not hold: it is the gateway's).

-- Orders for lists: the patient's own, newest first, and the pharmacy's queues by status. The row
-- is written before an order's state when the order is placed, so it doubles as the durable marker
-- that the start-up sweep uses to find orders left in an automatic step.
CREATE TABLE IF NOT EXISTS orders
(
    id          TEXT    NOT NULL PRIMARY KEY,
    patient_id  TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    total_cents INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    -- 1 while the order has an automatic step or an exit to finish.
    needs_processing INTEGER NOT NULL,
    snapshot    TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_orders_patient ON orders (patient_id, created_at);
CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status, created_at);
CREATE INDEX IF NOT EXISTS ix_orders_needs_processing ON orders (needs_processing);

-- Simulated gateway: a saved card is a token with the last four digits and whether it declines;
-- no card number, expiry or CVC is ever written anywhere (the expiry is checked when the card is
-- saved).
CREATE TABLE IF NOT EXISTS gateway_payment_methods
(
    token      TEXT    NOT NULL PRIMARY KEY,
    last4      TEXT    NOT NULL,
    brand      TEXT    NOT NULL,
    declines   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

-- One charge per order at most: the order id is the idempotency key. A refund asked for before any
-- charge leaves a 'voided' row, so a charge that arrives late for that order is refused.
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

-- Every request the gateway received, to show that retries charged nothing twice.
CREATE TABLE IF NOT EXISTS gateway_requests
(
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id  TEXT    NOT NULL,
    operation TEXT    NOT NULL,
    outcome   TEXT    NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_gateway_requests_order ON gateway_requests (order_id);
