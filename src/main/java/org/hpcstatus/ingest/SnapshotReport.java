package org.hpcstatus.ingest;

import java.util.List;

import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.NodeTypeStatus;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.system.ConfiguredSystem;

/**
 * A validated collector post, not yet stored: the rows to write (without ids) and what the client should be told.
 *
 * @param ignoredFields fields the service does not know, with their paths, echoed so that typos are visible
 */
public record SnapshotReport(ConfiguredSystem system, Snapshot snapshot, List<LoginNodeStatus> loginNodes,
        List<QueueStatus> queues, List<FilesystemStatus> filesystems, List<NodeTypeStatus> nodeTypes,
        List<String> ignoredFields) {
}
