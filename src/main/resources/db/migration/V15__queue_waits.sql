-- How long the jobs that started in the last hour had waited, per queue, as collectors report it: how many started,
-- and the median and 90th percentile of their waits in whole minutes. Null where a collector does not report it.
ALTER TABLE queue_status ADD COLUMN jobs_started_last_hour INT;
ALTER TABLE queue_status ADD COLUMN wait_median_minutes INT;
ALTER TABLE queue_status ADD COLUMN wait_p90_minutes INT;
