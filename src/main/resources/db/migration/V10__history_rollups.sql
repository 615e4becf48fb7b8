-- History that stays cheap: hourly and daily summaries of every numeric field, per system and per queue,
-- filesystem, login node, node type and hub node (scope_name '' is the system itself). avg = sum_value / samples;
-- samples counts the snapshots that carried a value, and the metric 'snapshots' of the system scope counts the
-- snapshots seen, so a gap shows as few or none rather than being hidden. Day buckets are UTC days.
CREATE TABLE rollup (
    system_id    BIGINT       NOT NULL,
    resolution   CHAR(1)      NOT NULL,
    bucket_start DATETIME(6)  NOT NULL,
    scope        VARCHAR(16)  NOT NULL,
    scope_name   VARCHAR(128) NOT NULL,
    metric       VARCHAR(64)  NOT NULL,
    samples      INT          NOT NULL,
    min_value    DOUBLE,
    max_value    DOUBLE,
    sum_value    DOUBLE,
    CONSTRAINT pk_rollup PRIMARY KEY (system_id, resolution, scope, scope_name, metric, bucket_start),
    CONSTRAINT fk_rollup_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);
CREATE INDEX ix_rollup_age ON rollup (resolution, bucket_start);

-- Hours whose raw snapshots changed since they were last rolled up: ingest marks the hour of every stored snapshot
-- (a late or out-of-order one too) in its own transaction; the roll-up job recomputes the hour and its day, and
-- deletes the mark only if no post marked it again meanwhile (generation unchanged).
CREATE TABLE rollup_pending (
    system_id   BIGINT      NOT NULL,
    hour_start  DATETIME(6) NOT NULL,
    generation  BIGINT      NOT NULL,
    CONSTRAINT pk_rollup_pending PRIMARY KEY (system_id, hour_start)
);

-- Scheduled work with several replicas: a row per job and period, claimed by one replica (the primary key makes a
-- claim exclusive) under a lease; a replica that dies mid-job leaves the row unfinished, and once the lease has run
-- out another replica claims it and does the work again (every job is safe to repeat).
CREATE TABLE job_run (
    job_name     VARCHAR(32)  NOT NULL,
    period_start DATETIME(6)  NOT NULL,
    holder       VARCHAR(128) NOT NULL,
    lease_until  DATETIME(6)  NOT NULL,
    completed_at DATETIME(6),
    CONSTRAINT pk_job_run PRIMARY KEY (job_name, period_start)
);
