-- The order service's own database: order grain state (storage/), the orders read model, and the
-- simulated card gateway's ledger (which a real deployment would not hold: it is the gateway's).

-- Orders for lists: the patient's own, newest first, and the pharmacy's queues by status. The row
-- is written before an order's state when the order is placed, so it doubles as the durable marker
-- that the start-up sweep uses to find orders left in an automatic step.
CREATE TABLE IF NOT EXISTS orders
(
    id          VARCHAR(64) COLLATE ascii_bin NOT NULL,
    patient_id  VARCHAR(64) COLLATE ascii_bin NOT NULL,
    status      VARCHAR(32) COLLATE ascii_bin NOT NULL,
    total_cents BIGINT      NOT NULL,
    created_at  BIGINT      NOT NULL,
    updated_at  BIGINT      NOT NULL,
    -- 1 while the order has an automatic step or an exit to finish.
    needs_processing TINYINT(1) NOT NULL,
    snapshot    TEXT        NOT NULL,
    CONSTRAINT pk_orders PRIMARY KEY (id),
    KEY ix_orders_patient (patient_id, created_at),
    KEY ix_orders_status (status, created_at),
    KEY ix_orders_needs_processing (needs_processing)
) CHARACTER SET utf8mb4;

-- Simulated gateway: a saved card is a token with the last four digits and whether it declines;
-- no card number, expiry or CVC is ever written anywhere (the expiry is checked when the card is
-- saved).
CREATE TABLE IF NOT EXISTS gateway_payment_methods
(
    token      VARCHAR(64) COLLATE ascii_bin NOT NULL,
    last4      CHAR(4)     NOT NULL,
    brand      VARCHAR(20) NOT NULL,
    declines   TINYINT(1)  NOT NULL,
    created_at BIGINT      NOT NULL,
    CONSTRAINT pk_gateway_payment_methods PRIMARY KEY (token)
) CHARACTER SET utf8mb4;

-- One charge per order at most: the order id is the idempotency key. A refund asked for before any
-- charge leaves a 'voided' row, so a charge that arrives late for that order is refused.
CREATE TABLE IF NOT EXISTS gateway_charges
(
    order_id     VARCHAR(64) COLLATE ascii_bin NOT NULL,
    payment_id   VARCHAR(64) COLLATE ascii_bin NOT NULL,
    token        VARCHAR(64) COLLATE ascii_bin NOT NULL,
    amount_cents BIGINT      NOT NULL,
    status       VARCHAR(16) NOT NULL,
    charged_at   BIGINT      NOT NULL,
    refunded_at  BIGINT      NULL,
    CONSTRAINT pk_gateway_charges PRIMARY KEY (order_id),
    UNIQUE KEY ux_gateway_charges_payment (payment_id)
) CHARACTER SET utf8mb4;

-- Every request the gateway received, to show that retries charged nothing twice.
CREATE TABLE IF NOT EXISTS gateway_requests
(
    id        BIGINT      NOT NULL AUTO_INCREMENT,
    order_id  VARCHAR(64) COLLATE ascii_bin NOT NULL,
    operation VARCHAR(16) NOT NULL,
    outcome   VARCHAR(32) NOT NULL,
    at        BIGINT      NOT NULL,
    CONSTRAINT pk_gateway_requests PRIMARY KEY (id),
    KEY ix_gateway_requests_order (order_id)
) CHARACTER SET utf8mb4;
