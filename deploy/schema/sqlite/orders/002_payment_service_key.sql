-- Cluster mode: the payment service's public key, as a silo last fetched it. Cards are sealed with
-- it at checkout; a silo that starts while the service is down takes it from here.
CREATE TABLE IF NOT EXISTS payment_service_keys
(
    service        TEXT    NOT NULL PRIMARY KEY,
    public_key_pem TEXT    NOT NULL,
    fetched_at     INTEGER NOT NULL
);
