-- What the service noticed about a stored post (a collector clock hours behind), one warning per line.
ALTER TABLE status_snapshot ADD COLUMN warnings VARCHAR(2000);

-- The newest run of rejected posts per system, so that the system's page can say "the collector's posts are being
-- rejected since ..." until a post is accepted again. One row per system, rewritten on each rejection.
CREATE TABLE post_rejection (
    system_id  BIGINT PRIMARY KEY,
    first_at   DATETIME(6) NOT NULL,
    last_at    DATETIME(6) NOT NULL,
    rejections BIGINT NOT NULL,
    credential VARCHAR(128),
    last_error VARCHAR(2000) NOT NULL,
    CONSTRAINT fk_post_rejection_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);
