-- Benchmark history, part 1: the lookup rows every synthetic snapshot refers to, for the three seed systems
-- (names match payload-derecho.json, so live posts reuse them). @RANGE8@ yields n = 1..8.
INSERT INTO login_node (system_id, name)
SELECT s.system_id, CONCAT('login', r.n) FROM hpc_system s, @RANGE8@ r WHERE s.name IN ('derecho', 'casper', 'jupyterhub');
INSERT INTO batch_queue (system_id, name)
SELECT s.system_id, CONCAT('queue', r.n) FROM hpc_system s, @RANGE8@ r
WHERE s.name IN ('derecho', 'casper', 'jupyterhub') AND r.n <= 5;
INSERT INTO filesystem (system_id, name)
SELECT s.system_id, CONCAT('fs', r.n) FROM hpc_system s, @RANGE8@ r
WHERE s.name IN ('derecho', 'casper', 'jupyterhub') AND r.n <= 2;
