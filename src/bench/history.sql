-- Benchmark history, part 2: snapshots n = @FROM@..@TO@ five minutes apart going back from @BASE@ (UTC), for the
-- three seed systems, each with 8 login nodes, 5 queues and 2 filesystems. @RANGE@ yields n over that interval.
-- Ids come from the same sequences the service uses (V2), so the service's own ids never collide with these.
INSERT INTO status_snapshot (snapshot_id, system_id, observed_at, received_at, content_hash, available,
    cpu_nodes_total, cpu_nodes_available, cpu_nodes_down, gpu_nodes_total, gpu_nodes_available, gpu_nodes_down,
    compute_nodes_total, compute_nodes_available, cpu_cores_total, cpu_cores_allocated, cpu_utilization_percent,
    gpu_count_total, gpu_count_allocated, gpu_utilization_percent, memory_total_gb, memory_allocated_gb,
    memory_utilization_percent, running_jobs, pending_jobs, active_users, active_sessions)
SELECT NEXT VALUE FOR status_snapshot_seq, s.system_id, TIMESTAMPADD(MINUTE, -5 * r.n, TIMESTAMP '@BASE@'), TIMESTAMPADD(MINUTE, -5 * r.n, TIMESTAMP '@BASE@'),
    'synthetic', TRUE, 2488, 1850 + MOD(r.n, 50), 15, 82, 45, 2, 2570, 1895, 321536, 245000, 76.2, 656, 485, 73.9,
    650000.0, 495000.0, 76.2, 1245 + MOD(r.n, 100), 328, 156, 72
FROM hpc_system s, @RANGE@ r WHERE s.name IN ('derecho', 'casper', 'jupyterhub');

INSERT INTO login_node_status (login_node_status_id, snapshot_id, login_node_id, node_type, available, degraded, user_count,
    load_1min, load_5min, load_15min)
SELECT NEXT VALUE FOR login_node_status_seq, sn.snapshot_id, ln.login_node_id, 'cpu', TRUE, FALSE, 12, 2.3, 2.5, 2.8
FROM status_snapshot sn JOIN login_node ln ON ln.system_id = sn.system_id
WHERE sn.observed_at >= TIMESTAMPADD(MINUTE, -5 * @TO@, TIMESTAMP '@BASE@')
  AND sn.observed_at <= TIMESTAMPADD(MINUTE, -5 * @FROM@, TIMESTAMP '@BASE@');

INSERT INTO queue_status (queue_status_id, snapshot_id, queue_id, running_jobs, pending_jobs, active_users, cores_allocated,
    gpus_allocated, nodes_allocated)
SELECT NEXT VALUE FOR queue_status_seq, sn.snapshot_id, q.queue_id, 890, 245, 98, 185000, 0, 1432
FROM status_snapshot sn JOIN batch_queue q ON q.system_id = sn.system_id
WHERE sn.observed_at >= TIMESTAMPADD(MINUTE, -5 * @TO@, TIMESTAMP '@BASE@')
  AND sn.observed_at <= TIMESTAMPADD(MINUTE, -5 * @FROM@, TIMESTAMP '@BASE@');

INSERT INTO filesystem_status (filesystem_status_id, snapshot_id, filesystem_id, available, degraded, capacity_tb, used_tb,
    utilization_percent)
SELECT NEXT VALUE FOR filesystem_status_seq, sn.snapshot_id, f.filesystem_id, TRUE, FALSE, 20000.0, 16500.0, 82.5
FROM status_snapshot sn JOIN filesystem f ON f.system_id = sn.system_id
WHERE sn.observed_at >= TIMESTAMPADD(MINUTE, -5 * @TO@, TIMESTAMP '@BASE@')
  AND sn.observed_at <= TIMESTAMPADD(MINUTE, -5 * @FROM@, TIMESTAMP '@BASE@');
