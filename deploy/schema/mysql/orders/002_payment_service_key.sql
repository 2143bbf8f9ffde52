-- Cluster mode: the payment service's public key, as a silo last fetched it. Cards are sealed with
-- it at checkout; a silo that starts while the service is down takes it from here.
CREATE TABLE IF NOT EXISTS payment_service_keys
(
    service        VARCHAR(255) COLLATE ascii_bin NOT NULL,
    public_key_pem TEXT         NOT NULL,
    fetched_at     BIGINT       NOT NULL,
    CONSTRAINT pk_payment_service_keys PRIMARY KEY (service)
) CHARACTER SET utf8mb4;
