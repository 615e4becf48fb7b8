package org.hpcstatus.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.NodeTypeStatus;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.snapshot.Snapshot;

/** Stores one validated snapshot with its children and moves the system's "latest" pointer, in one transaction. */
@ApplicationScoped
public class SnapshotWriter {

    @Inject
    EntityManager em;

    /**
     * Writes the snapshot and its children (which must already carry their lookup ids). A snapshot for the same
     * system and instant that is already stored makes this fail on the unique key at flush; the caller then asks
     * {@link #existing} what to answer. Checking first would cost every post a round trip to save the rare retry one.
     */
    @Transactional
    public IngestResult write(SnapshotReport report) {
        Snapshot snapshot = report.snapshot();
        snapshot.persist();
        long id = snapshot.id;
        report.loginNodes().forEach(row -> row.snapshotId = id);
        report.queues().forEach(row -> row.snapshotId = id);
        report.filesystems().forEach(row -> row.snapshotId = id);
        report.nodeTypes().forEach(row -> row.snapshotId = id);
        List<Long> loginNodeIds = persistAll(report.loginNodes(), row -> row.id);
        List<Long> queueIds = persistAll(report.queues(), row -> row.id);
        List<Long> filesystemIds = persistAll(report.filesystems(), row -> row.id);
        List<Long> nodeTypeIds = persistAll(report.nodeTypes(), row -> row.id);
        // Moves forward only: a late retry of an older snapshot never hides a newer one. (Running this native
        // statement first flushes the batched inserts above.)
        em.createNativeQuery("UPDATE latest_snapshot SET snapshot_id = ?1, observed_at = ?2"
                + " WHERE system_id = ?3 AND (observed_at IS NULL OR observed_at < ?2)")
                .setParameter(1, id).setParameter(2, snapshot.observedAt).setParameter(3, snapshot.systemId)
                .executeUpdate();
        return new IngestResult(id, snapshot.observedAt, loginNodeIds, queueIds, filesystemIds, nodeTypeIds, false);
    }

    /** What an earlier post stored for this system and instant, if it had the same content; a conflict if not. */
    @Transactional
    public Optional<IngestResult> existing(long systemId, Instant observedAt, String contentHash) {
        Optional<Snapshot> stored = Snapshot.find("systemId = ?1 and observedAt = ?2", systemId, observedAt)
                .firstResultOptional();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Snapshot original = stored.get();
        if (!original.contentHash.equals(contentHash)) {
            throw new ConflictException("A different snapshot for this system at " + observedAt
                    + " is already stored (status_id " + original.id + "); send a new timestamp for new data");
        }
        long id = original.id;
        return Optional.of(new IngestResult(id, original.observedAt,
                ids(LoginNodeStatus.class, id), ids(QueueStatus.class, id), ids(FilesystemStatus.class, id),
                ids(NodeTypeStatus.class, id), true));
    }

    private List<Long> ids(Class<? extends PanacheEntityBase> childType, long snapshotId) {
        return em.createQuery("select c.id from " + childType.getSimpleName() + " c where c.snapshotId = ?1 order by c.id",
                Long.class).setParameter(1, snapshotId).getResultList();
    }

    private static <E extends PanacheEntityBase> List<Long> persistAll(List<E> rows, java.util.function.Function<E, Long> id) {
        List<Long> ids = new ArrayList<>(rows.size());
        for (E row : rows) {
            row.persist();
            ids.add(id.apply(row));
        }
        return ids;
    }
}
