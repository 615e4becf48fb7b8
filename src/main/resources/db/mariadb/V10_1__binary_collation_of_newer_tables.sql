-- MariaDB only, as V7_1 for the tables since: names compare byte for byte, as H2 and Java compare them (a queue
-- 'main' and a queue 'Main' are two series, not one roll-up row fought over; an operator session's user name is
-- the credential's name exactly).
ALTER TABLE outage_update CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE operator_session CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE rollup CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE rollup_pending CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE job_run CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
