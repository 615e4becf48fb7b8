package org.hpcstatus.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * The ids of a stored snapshot and its child rows, in the order they were posted; {@code duplicate} when they are
 * the ids of an identical snapshot stored by an earlier post.
 */
public record StoredSnapshot(long statusId, Instant timestamp, List<Long> loginNodeIds, List<Long> queueIds,
        List<Long> filesystemIds, List<Long> nodeTypeIds, List<Long> hubNodeIds, boolean duplicate) {
}
