package org.hpcstatus.snapshot;

import java.util.List;

import org.hpcstatus.system.ConfiguredSystem;

/** A system's newest snapshot with all its children, names resolved, as read for the API and the dashboard. */
public record LatestSnapshot(ConfiguredSystem system, Snapshot snapshot, List<LoginNodeStatus> loginNodes,
        List<QueueStatus> queues, List<FilesystemStatus> filesystems, List<NodeTypeStatus> nodeTypes,
        List<HubNodeStatus> hubNodes) {
}
