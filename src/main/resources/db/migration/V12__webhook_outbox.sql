-- Webhook notifications: an outbox. Every replica's board watch records the events it sees; the key is made of what
-- the event is about (the outage and its version, the system's state with the snapshot and outages it was judged
-- from), so the same event seen by several replicas is one row per hook. A scheduled job (one replica per period)
-- delivers due rows with retries and backoff; ingest never waits for a receiver.
CREATE TABLE webhook_delivery (
    delivery_id     BIGINT AUTO_INCREMENT PRIMARY KEY,
    hook_name       VARCHAR(64)   NOT NULL,
    event_key       VARCHAR(255)  NOT NULL,
    event_type      VARCHAR(32)   NOT NULL,
    body            TEXT          NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    attempts        INT           NOT NULL,
    delivered_at    DATETIME(6),
    last_error      VARCHAR(500),
    CONSTRAINT uk_webhook_delivery UNIQUE (hook_name, event_key)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (delivered_at, next_attempt_at);
