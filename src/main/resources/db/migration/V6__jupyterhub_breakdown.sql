-- The deployed JupyterHub collector reports the capacity behind the hub (its nodes, CPUs, GPUs, memory), the jobs
-- its sessions run as, and a row per node.
ALTER TABLE status_snapshot ADD COLUMN nodes_total INT;
ALTER TABLE status_snapshot ADD COLUMN nodes_free INT;
ALTER TABLE status_snapshot ADD COLUMN nodes_busy INT;
ALTER TABLE status_snapshot ADD COLUMN nodes_down INT;
ALTER TABLE status_snapshot ADD COLUMN cpus_total INT;
ALTER TABLE status_snapshot ADD COLUMN cpus_free INT;
ALTER TABLE status_snapshot ADD COLUMN cpus_used INT;
ALTER TABLE status_snapshot ADD COLUMN gpus_total INT;
ALTER TABLE status_snapshot ADD COLUMN gpus_free INT;
ALTER TABLE status_snapshot ADD COLUMN gpus_used INT;
ALTER TABLE status_snapshot ADD COLUMN memory_free_gb DOUBLE;
ALTER TABLE status_snapshot ADD COLUMN memory_used_gb DOUBLE;
ALTER TABLE status_snapshot ADD COLUMN jobs_running INT;
ALTER TABLE status_snapshot ADD COLUMN jobs_suspended INT;
ALTER TABLE status_snapshot ADD COLUMN casper_login_jobs INT;
ALTER TABLE status_snapshot ADD COLUMN casper_batch_jobs INT;
ALTER TABLE status_snapshot ADD COLUMN derecho_batch_jobs INT;

CREATE TABLE hub_node (
    hub_node_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id   BIGINT NOT NULL,
    name        VARCHAR(128) NOT NULL,
    CONSTRAINT uk_hub_node UNIQUE (system_id, name),
    CONSTRAINT fk_hub_node_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);

CREATE TABLE hub_node_status (
    hub_node_status_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    snapshot_id        BIGINT NOT NULL,
    hub_node_id        BIGINT NOT NULL,
    state              VARCHAR(64),
    jobs_total         INT,
    jobs_running       INT,
    jobs_suspended     INT,
    memory_free_gb     DOUBLE,
    memory_total_gb    DOUBLE,
    memory_used_gb     DOUBLE,
    cpus_free          INT,
    cpus_total         INT,
    cpus_used          INT,
    gpus_free          INT,
    gpus_total         INT,
    gpus_used          INT,
    job_ids            VARCHAR(8000),
    CONSTRAINT uk_hub_node_status UNIQUE (snapshot_id, hub_node_id),
    CONSTRAINT fk_hns_snapshot FOREIGN KEY (snapshot_id) REFERENCES status_snapshot (snapshot_id),
    CONSTRAINT fk_hns_hub_node FOREIGN KEY (hub_node_id) REFERENCES hub_node (hub_node_id)
);
CREATE INDEX ix_hns_hub_node ON hub_node_status (hub_node_id);
CREATE SEQUENCE hub_node_status_seq START WITH 1 INCREMENT BY 50;
