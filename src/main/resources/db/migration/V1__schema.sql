-- One schema for H2 (MariaDB mode) and MariaDB. Lower-case names: MariaDB here is case-sensitive.

-- Security: the collectors guide's own SQL runs against these tables verbatim.
CREATE TABLE api_credentials (
    api_credentials_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username           VARCHAR(128) NOT NULL,
    password_hash      VARCHAR(255) NOT NULL,
    description        VARCHAR(500),
    active             BOOLEAN NOT NULL DEFAULT TRUE,
    created_at         DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uk_api_credentials_username UNIQUE (username)
);

CREATE TABLE role (
    role_id     BIGINT AUTO_INCREMENT PRIMARY KEY,
    role_name   VARCHAR(64) NOT NULL,
    description VARCHAR(500),
    CONSTRAINT uk_role_name UNIQUE (role_name)
);

CREATE TABLE role_api_credentials (
    role_id            BIGINT NOT NULL,
    api_credentials_id BIGINT NOT NULL,
    PRIMARY KEY (role_id, api_credentials_id),
    CONSTRAINT fk_rac_role FOREIGN KEY (role_id) REFERENCES role (role_id),
    CONSTRAINT fk_rac_credentials FOREIGN KEY (api_credentials_id) REFERENCES api_credentials (api_credentials_id)
);
CREATE INDEX ix_rac_credentials ON role_api_credentials (api_credentials_id);

-- Roles grant permissions; the permission names are what the code checks.
CREATE TABLE role_permission (
    role_id    BIGINT NOT NULL,
    permission VARCHAR(64) NOT NULL,
    PRIMARY KEY (role_id, permission),
    CONSTRAINT fk_role_permission_role FOREIGN KEY (role_id) REFERENCES role (role_id)
);

INSERT INTO role (role_name, description) VALUES ('admin', 'Full access, including posting status and outages');
INSERT INTO role (role_name, description) VALUES ('collector', 'Collector scripts that post status snapshots and outages');
INSERT INTO role_permission (role_id, permission) SELECT role_id, 'MANAGE_SYSTEM_STATUS' FROM role WHERE role_name = 'admin';
INSERT INTO role_permission (role_id, permission) SELECT role_id, 'MANAGE_SYSTEM_STATUS' FROM role WHERE role_name = 'collector';

-- Systems and the things inside them that snapshots refer to by id.
CREATE TABLE hpc_system (
    system_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name      VARCHAR(64) NOT NULL,
    CONSTRAINT uk_hpc_system_name UNIQUE (name)
);

CREATE TABLE login_node (
    login_node_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id     BIGINT NOT NULL,
    name          VARCHAR(128) NOT NULL,
    CONSTRAINT uk_login_node UNIQUE (system_id, name),
    CONSTRAINT fk_login_node_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);

CREATE TABLE batch_queue (
    queue_id  BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id BIGINT NOT NULL,
    name      VARCHAR(128) NOT NULL,
    CONSTRAINT uk_batch_queue UNIQUE (system_id, name),
    CONSTRAINT fk_batch_queue_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);

CREATE TABLE filesystem (
    filesystem_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id     BIGINT NOT NULL,
    name          VARCHAR(128) NOT NULL,
    CONSTRAINT uk_filesystem UNIQUE (system_id, name),
    CONSTRAINT fk_filesystem_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);

CREATE TABLE node_type (
    node_type_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id    BIGINT NOT NULL,
    name         VARCHAR(128) NOT NULL,
    CONSTRAINT uk_node_type UNIQUE (system_id, name),
    CONSTRAINT fk_node_type_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);

-- One row per collector post. Metrics a system kind does not collect stay NULL ("not collected", never 0).
CREATE TABLE status_snapshot (
    snapshot_id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id                  BIGINT NOT NULL,
    observed_at                DATETIME(6) NOT NULL,
    received_at                DATETIME(6) NOT NULL,
    content_hash               CHAR(64) NOT NULL,
    available                  BOOLEAN,
    compute_nodes_total        INT,
    compute_nodes_available    INT,
    compute_nodes_down         INT,
    cpu_nodes_total            INT,
    cpu_nodes_available        INT,
    cpu_nodes_down             INT,
    cpu_nodes_reserved         INT,
    gpu_nodes_total            INT,
    gpu_nodes_available        INT,
    gpu_nodes_down             INT,
    gpu_nodes_reserved         INT,
    viz_nodes_total            INT,
    viz_nodes_available        INT,
    viz_nodes_down             INT,
    viz_nodes_reserved         INT,
    cpu_cores_total            INT,
    cpu_cores_allocated        INT,
    cpu_cores_idle             INT,
    cpu_utilization_percent    DOUBLE,
    gpu_count_total            INT,
    gpu_count_allocated        INT,
    gpu_count_idle             INT,
    gpu_utilization_percent    DOUBLE,
    viz_count_total            INT,
    viz_count_allocated        INT,
    viz_count_idle             INT,
    viz_utilization_percent    DOUBLE,
    memory_total_gb            DOUBLE,
    memory_allocated_gb        DOUBLE,
    memory_utilization_percent DOUBLE,
    running_jobs               INT,
    pending_jobs               INT,
    held_jobs                  INT,
    active_users               INT,
    active_sessions            INT,
    -- idempotency: one snapshot per system and instant; also serves per-system time-range reads
    CONSTRAINT uk_snapshot_system_time UNIQUE (system_id, observed_at),
    CONSTRAINT fk_snapshot_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);
CREATE INDEX ix_snapshot_observed_at ON status_snapshot (observed_at);

CREATE TABLE login_node_status (
    login_node_status_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    snapshot_id          BIGINT NOT NULL,
    login_node_id        BIGINT NOT NULL,
    node_type            VARCHAR(16),
    available            BOOLEAN NOT NULL,
    degraded             BOOLEAN NOT NULL,
    user_count           INT,
    load_1min            DOUBLE,
    load_5min            DOUBLE,
    load_15min           DOUBLE,
    num_cpus             INT,
    CONSTRAINT uk_login_node_status UNIQUE (snapshot_id, login_node_id),
    CONSTRAINT fk_lns_snapshot FOREIGN KEY (snapshot_id) REFERENCES status_snapshot (snapshot_id),
    CONSTRAINT fk_lns_login_node FOREIGN KEY (login_node_id) REFERENCES login_node (login_node_id)
);
CREATE INDEX ix_lns_login_node ON login_node_status (login_node_id);

CREATE TABLE queue_status (
    queue_status_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    snapshot_id     BIGINT NOT NULL,
    queue_id        BIGINT NOT NULL,
    running_jobs    INT,
    pending_jobs    INT,
    held_jobs       INT,
    active_users    INT,
    cores_allocated INT,
    cores_pending   INT,
    cores_held      INT,
    gpus_allocated  INT,
    gpus_pending    INT,
    gpus_held       INT,
    nodes_allocated INT,
    CONSTRAINT uk_queue_status UNIQUE (snapshot_id, queue_id),
    CONSTRAINT fk_qs_snapshot FOREIGN KEY (snapshot_id) REFERENCES status_snapshot (snapshot_id),
    CONSTRAINT fk_qs_queue FOREIGN KEY (queue_id) REFERENCES batch_queue (queue_id)
);
CREATE INDEX ix_qs_queue ON queue_status (queue_id);

CREATE TABLE filesystem_status (
    filesystem_status_id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    snapshot_id                BIGINT NOT NULL,
    filesystem_id              BIGINT NOT NULL,
    available                  BOOLEAN NOT NULL,
    degraded                   BOOLEAN NOT NULL,
    capacity_tb                DOUBLE,
    used_tb                    DOUBLE,
    utilization_percent        DOUBLE,
    capacity_inodes            BIGINT,
    used_inodes                BIGINT,
    inodes_utilization_percent DOUBLE,
    CONSTRAINT uk_filesystem_status UNIQUE (snapshot_id, filesystem_id),
    CONSTRAINT fk_fs_snapshot FOREIGN KEY (snapshot_id) REFERENCES status_snapshot (snapshot_id),
    CONSTRAINT fk_fs_filesystem FOREIGN KEY (filesystem_id) REFERENCES filesystem (filesystem_id)
);
CREATE INDEX ix_fs_filesystem ON filesystem_status (filesystem_id);

CREATE TABLE node_type_status (
    node_type_status_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    snapshot_id         BIGINT NOT NULL,
    node_type_id        BIGINT NOT NULL,
    nodes_total         INT NOT NULL,
    nodes_available     INT NOT NULL,
    nodes_down          INT,
    nodes_allocated     INT,
    cores_per_node      INT,
    memory_gb_per_node  DOUBLE,
    gpu_model           VARCHAR(128),
    gpus_per_node       INT,
    utilization_percent DOUBLE,
    CONSTRAINT uk_node_type_status UNIQUE (snapshot_id, node_type_id),
    CONSTRAINT fk_nts_snapshot FOREIGN KEY (snapshot_id) REFERENCES status_snapshot (snapshot_id),
    CONSTRAINT fk_nts_node_type FOREIGN KEY (node_type_id) REFERENCES node_type (node_type_id)
);
CREATE INDEX ix_nts_node_type ON node_type_status (node_type_id);

-- The newest snapshot per system, moved forward inside the ingest transaction, so reads never scan history.
CREATE TABLE latest_snapshot (
    system_id   BIGINT PRIMARY KEY,
    snapshot_id BIGINT,
    observed_at DATETIME(6),
    CONSTRAINT fk_latest_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id),
    CONSTRAINT fk_latest_snapshot FOREIGN KEY (snapshot_id) REFERENCES status_snapshot (snapshot_id)
);
CREATE INDEX ix_latest_snapshot ON latest_snapshot (snapshot_id);

CREATE TABLE outage (
    outage_id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id            BIGINT NOT NULL,
    title                VARCHAR(200) NOT NULL,
    component            VARCHAR(100),
    description          VARCHAR(4000),
    severity             VARCHAR(16) NOT NULL,
    status               VARCHAR(16) NOT NULL,
    start_time           DATETIME(6) NOT NULL,
    end_time             DATETIME(6),
    estimated_resolution DATETIME(6),
    created_at           DATETIME(6) NOT NULL,
    updated_at           DATETIME(6) NOT NULL,
    -- hash of (system, component, title) while unresolved, NULL once resolved: at most one open outage per key
    open_key             CHAR(64),
    CONSTRAINT uk_outage_open_key UNIQUE (open_key),
    CONSTRAINT fk_outage_system FOREIGN KEY (system_id) REFERENCES hpc_system (system_id)
);
CREATE INDEX ix_outage_system ON outage (system_id);
CREATE INDEX ix_outage_start ON outage (start_time);
