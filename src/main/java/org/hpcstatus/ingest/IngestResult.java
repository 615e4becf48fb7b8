package org.hpcstatus.ingest;

import java.time.Instant;
import java.util.List;

/**
 * The stored snapshot's ids, or the ids of the identical snapshot stored earlier when {@code duplicate} is true.
 */
public record IngestResult(long statusId, Instant timestamp, List<Long> loginNodeIds, List<Long> queueIds,
        List<Long> filesystemIds, List<Long> nodeTypeIds, boolean duplicate) {
}
