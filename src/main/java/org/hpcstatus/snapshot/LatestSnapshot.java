package org.hpcstatus.snapshot;

import java.util.List;

import org.hpcstatus.system.ConfiguredSystem;

/**
 * A system's newest snapshot with all its children, names resolved, as read for the API and the dashboard, with the
 * queue roster and the per-user load it carried (personal data: shown only with the permission). Reservations are
 * read apart: whether one is still current depends on the time of reading.
 */
public record LatestSnapshot(ConfiguredSystem system, Snapshot snapshot, List<LoginNodeStatus> loginNodes,
        List<QueueStatus> queues, List<FilesystemStatus> filesystems, List<NodeTypeStatus> nodeTypes,
        List<HubNodeStatus> hubNodes, List<QueueDefinition> queueDefinitions, List<UserLoadSpan> userLoads) {
}
