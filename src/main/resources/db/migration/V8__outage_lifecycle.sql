-- Outages as a lifecycle: who opened and last changed one, a version for optimistic locking (two operators cannot
-- overwrite each other), and every change kept as an update in a timeline.
ALTER TABLE outage ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outage ADD COLUMN created_by VARCHAR(128);
ALTER TABLE outage ADD COLUMN updated_by VARCHAR(128);

CREATE TABLE outage_update (
    outage_update_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    outage_id        BIGINT       NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    created_by       VARCHAR(128) NOT NULL,
    -- the outage's status once this update applied (unchanged or moved)
    status           VARCHAR(16)  NOT NULL,
    message          VARCHAR(4000) NOT NULL,
    CONSTRAINT fk_outage_update_outage FOREIGN KEY (outage_id) REFERENCES outage (outage_id)
);
CREATE INDEX ix_outage_update_outage ON outage_update (outage_id, created_at);

-- Changing outages (PATCH, timeline entries) is the operators' permission; collectors keep posting /outage.
INSERT INTO role_permission (role_id, permission) SELECT role_id, 'EDIT_SYSTEM_STATUS' FROM role WHERE role_name = 'admin';
