package org.hpcstatus.snapshot;

import java.util.List;

import org.hpcstatus.system.ConfiguredSystem;

/**
 * A validated snapshot, not yet stored: the rows to write, without ids. Arrays the system's kind does not post are
 * empty.
 */
public record NewSnapshot(ConfiguredSystem system, Snapshot snapshot, List<LoginNodeStatus> loginNodes,
        List<QueueStatus> queues, List<FilesystemStatus> filesystems, List<NodeTypeStatus> nodeTypes,
        List<HubNodeStatus> hubNodes, PresentRows present) {
}
