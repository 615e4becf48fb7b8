-- Benchmark history, part 3: 90 days of per-user load spans for derecho at today's volume (600 users, a tenth of
-- them changing at each 5-minute post: 60 new spans a post, each lasting 30 minutes), the retention window's worth.
INSERT INTO user_load_span (system_id, username, project_code, queue_name, running_jobs, pending_jobs, held_jobs,
    cores_allocated, gpus_allocated, nodes_allocated, first_seen, last_seen)
SELECT s.system_id, CONCAT('user', MOD(r.n, 600)), CONCAT('P', MOD(r.n, 97)), CONCAT('queue', 1 + MOD(r.n, 5)),
    MOD(r.n, 7), MOD(r.n, 11), 0, 128 * MOD(r.n, 7), 0, MOD(r.n, 7),
    TIMESTAMPADD(MINUTE, -5 * (r.n DIV 60), TIMESTAMP '@BASE@'), TIMESTAMPADD(MINUTE, 30 - 5 * (r.n DIV 60), TIMESTAMP '@BASE@')
FROM hpc_system s, @RANGE@ r WHERE s.name = 'derecho';
