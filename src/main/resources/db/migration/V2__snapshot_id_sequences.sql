-- Ids for snapshots and their children come from sequences, reserved 50 at a time (SequenceIds), so that each
-- post's rows go out as JDBC batches instead of one round trip per row (IDENTITY ids rule batching out).
-- The columns keep AUTO_INCREMENT for rows written by hand, but anything that inserts in bulk should take its ids
-- from these sequences (NEXT VALUE FOR ...), as src/bench/history.sql does.
-- Before this migration no database held snapshots outside development; one that did must RESTART each sequence
-- above its table's MAX(id) first.
CREATE SEQUENCE status_snapshot_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE login_node_status_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE queue_status_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE filesystem_status_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE node_type_status_seq START WITH 1 INCREMENT BY 50;
