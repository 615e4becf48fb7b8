-- What a post says about the present rather than its instant: kept from the newest post of each system only.

-- The queue roster (PBS queue definitions): one row per queue, rewritten by each newer post that defines it.
CREATE TABLE queue_definition (
    queue_id    BIGINT PRIMARY KEY,
    system_id   BIGINT NOT NULL,
    queue_type  VARCHAR(32),
    enabled     BOOLEAN,
    started     BOOLEAN,
    total_jobs  INT,
    -- the observation time of the newest post that defined the queue; the roster is the rows of the newest one
    defined_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_queue_definition_queue FOREIGN KEY (queue_id) REFERENCES batch_queue (queue_id),
    CONSTRAINT fk_queue_definition_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);
CREATE INDEX ix_queue_definition_system ON queue_definition (system_id, defined_at);

-- Scheduler reservations, upserted by name; one not re-reported for a while has ended or been cancelled.
CREATE TABLE reservation (
    reservation_id    BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id         BIGINT NOT NULL,
    reservation_name  VARCHAR(128) NOT NULL,
    description       VARCHAR(1000),
    start_time        DATETIME(6),
    end_time          DATETIME(6),
    node_count        INT,
    -- the JSON field "partition" (a reserved word in SQL)
    partition_name    VARCHAR(64),
    first_reported_at DATETIME(6) NOT NULL,
    last_reported_at  DATETIME(6) NOT NULL,
    CONSTRAINT uk_reservation UNIQUE (system_id, reservation_name),
    CONSTRAINT fk_reservation_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);
CREATE INDEX ix_reservation_reported ON reservation (last_reported_at);

-- Per-user and per-project load, as spans: a row that reads the same in consecutive posts is one span from
-- first_seen to last_seen, instead of a row per post (288 a day). Personal data: read only with the permission
-- VIEW_SYSTEM_STATUS_USER_INFO.
CREATE TABLE user_load_span (
    span_id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id       BIGINT NOT NULL,
    username        VARCHAR(64) NOT NULL,
    project_code    VARCHAR(64) NOT NULL,
    queue_name      VARCHAR(128) NOT NULL,
    running_jobs    INT,
    pending_jobs    INT,
    held_jobs       INT,
    cores_allocated INT,
    gpus_allocated  INT,
    nodes_allocated INT,
    cores_pending   INT,
    gpus_pending    INT,
    cores_held      INT,
    gpus_held       INT,
    first_seen      DATETIME(6) NOT NULL,
    last_seen       DATETIME(6) NOT NULL,
    CONSTRAINT fk_user_load_span_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);
CREATE INDEX ix_user_load_span_seen ON user_load_span (system_id, last_seen);

INSERT INTO role_permission (role_id, permission) SELECT role_id, 'VIEW_SYSTEM_STATUS_USER_INFO' FROM role WHERE role_name = 'admin';
