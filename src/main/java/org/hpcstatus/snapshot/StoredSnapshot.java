package org.hpcstatus.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ids of a stored snapshot and of its per-snapshot rows, by array, in the order they were posted; {@code
 * duplicate} when they are the ids of an identical snapshot stored by an earlier post.
 */
public record StoredSnapshot(long statusId, Instant timestamp, Map<ChildArray<?>, List<Long>> rowIds,
        boolean duplicate) {

    public List<Long> idsOf(ChildArray<?> array) {
        return rowIds.getOrDefault(array, List.of());
    }
}
