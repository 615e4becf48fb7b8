-- A stored snapshot marks its hour for the roll-up job with a row of its own: every post of a system inserted or
-- bumped the same (system, hour) row of rollup_pending, and so held that row's lock until its commit, which queued
-- concurrent posts of one system behind each other's commits (a back-fill, a benchmark). Inserts of distinct rows
-- do not wait for each other. The job removes exactly the marks it read, so a mark committed meanwhile stays.
CREATE TABLE rollup_mark (
    mark_id     BIGINT AUTO_INCREMENT PRIMARY KEY,
    system_id   BIGINT NOT NULL,
    hour_start  DATETIME(6) NOT NULL
);
CREATE INDEX ix_rollup_mark_hour ON rollup_mark (system_id, hour_start);
INSERT INTO rollup_mark (system_id, hour_start) SELECT system_id, hour_start FROM rollup_pending;
DROP TABLE rollup_pending;
