package org.hpcstatus.snapshot;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.Lookups;
import org.hpcstatus.system.Lookups.Kind;

/**
 * The read side. Everything here starts from the per-system "latest" pointer, so its cost does not depend on how much
 * history is stored.
 */
@ApplicationScoped
public class SnapshotQueries {

    @Inject
    EntityManager em;

    @Inject
    Lookups lookups;

    /** The system's newest snapshot (by observation time) with its children, or empty before its first post. */
    @Transactional
    public Optional<LatestSnapshot> latest(ConfiguredSystem system) {
        LatestPointer pointer = LatestPointer.findById(system.id());
        if (pointer == null || pointer.snapshotId == null) {
            return Optional.empty();
        }
        long id = pointer.snapshotId;
        Snapshot snapshot = Snapshot.findById(id);
        List<LoginNodeStatus> loginNodes = LoginNodeStatus.list("snapshotId = ?1 order by id", id);
        loginNodes.forEach(row -> row.nodeName = lookups.nameOf(Kind.LOGIN_NODE, row.loginNodeId));
        List<QueueStatus> queues = QueueStatus.list("snapshotId = ?1 order by id", id);
        queues.forEach(row -> row.queueName = lookups.nameOf(Kind.QUEUE, row.queueId));
        List<FilesystemStatus> filesystems = FilesystemStatus.list("snapshotId = ?1 order by id", id);
        filesystems.forEach(row -> row.filesystemName = lookups.nameOf(Kind.FILESYSTEM, row.filesystemId));
        List<NodeTypeStatus> nodeTypes = NodeTypeStatus.list("snapshotId = ?1 order by id", id);
        nodeTypes.forEach(row -> row.nodeType = lookups.nameOf(Kind.NODE_TYPE, row.nodeTypeId));
        return Optional.of(new LatestSnapshot(system, snapshot, loginNodes, queues, filesystems, nodeTypes));
    }

    /** When each system was last observed, by system id; systems without data are absent. One small query. */
    @Transactional
    public Map<Long, Instant> latestObservations() {
        Map<Long, Instant> result = new HashMap<>();
        List<?> rows = em.createQuery("select l.systemId, l.observedAt from LatestPointer l where l.observedAt is not null")
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            result.put((Long) columns[0], (Instant) columns[1]);
        }
        return result;
    }
}
