-- Deployed Casper collectors report memory use per node type; it was dropped as an unknown field until now.
ALTER TABLE node_type_status ADD COLUMN memory_utilization_percent DOUBLE;
