-- A roll-up replaces one hour's (and one day's) rows of a system: found by this index, not by scanning the
-- system's whole history of summaries (the primary key puts the time last, for reading one series).
CREATE INDEX ix_rollup_bucket ON rollup (system_id, resolution, bucket_start);
-- Retention deletes per-user spans by age, every hour: by this index, not by a scan of every span (1.5 million at
-- Derecho's volume over 90 days).
CREATE INDEX ix_user_load_span_last_seen ON user_load_span (last_seen);
