-- An outage posted with system_name "all" concerns every configured system: it is stored once, without a system.
ALTER TABLE outage MODIFY system_id BIGINT NULL;
