-- Only for BadSequenceStepTests: a sequence that no longer steps by the block size SequenceIds reserves.
ALTER SEQUENCE queue_status_seq INCREMENT BY 1;
