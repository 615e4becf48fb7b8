package org.hpcstatus.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.ConflictException;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.ChildRows;
import org.hpcstatus.snapshot.LatestPointer;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.NewSnapshot;
import org.hpcstatus.snapshot.QueueDefinition;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.StoredSnapshot;
import org.hpcstatus.snapshot.UserLoadSpan;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.Lookups;
import org.hpcstatus.system.NameTable;

/**
 * The one owner of the snapshot tables (status_snapshot, each array's table, latest_snapshot, rollup_mark): every
 * read and write of them goes through here. Writing is {@link SnapshotWriter}'s (JDBC batches, measured faster than
 * the ORM), the set-based work of history, roll-ups and retention {@link SnapshotHistory}'s; reading the newest
 * snapshots is Hibernate's, here. That reading starts from the per-system "latest" pointers, so its cost does not
 * depend on how much history is stored. A stored snapshot never changes, so the one each pointer names is kept in
 * memory and read again only when the pointer moves: a page costs one query for all pointers, whatever it shows.
 */
@ApplicationScoped
public class Snapshots {

    @Inject
    Lookups lookups;

    @Inject
    EntityManager em;

    @Inject
    StatusConfig config;

    @Inject
    SnapshotWriter writer;

    @Inject
    SnapshotHistory history;

    /**
     * Stores a validated snapshot with its rows and moves its system's latest pointer if it is newer, in one
     * transaction; a snapshot already stored for the system and instant fails it ({@link WriteFailedException}, a
     * constraint violation), and {@link #existing} then says what to answer.
     */
    public StoredSnapshot write(NewSnapshot snapshot) {
        return writer.write(snapshot);
    }

    /** The newest snapshot read per system id; replaced when that system's pointer moves on. */
    private final Map<Long, LatestSnapshot> loaded = new ConcurrentHashMap<>();

    /** When the system's oldest raw snapshot still kept was observed; empty before its first post. */
    @Transactional
    public Optional<Instant> firstObserved(ConfiguredSystem system) {
        return Optional.ofNullable(em.createQuery("select min(s.observedAt) from Snapshot s where s.systemId = ?1",
                Instant.class).setParameter(1, system.id()).getSingleResult());
    }

    /** The system's newest snapshot (by observation time) with its children, or empty before its first post. */
    @Transactional
    public Optional<LatestSnapshot> latest(ConfiguredSystem system) {
        LatestPointer pointer = DatabaseErrors.asAnswered(LatestPointer.findById(system.id()));
        return pointer == null ? Optional.empty() : Optional.ofNullable(resolve(system, pointer.snapshotId));
    }

    /** The newest snapshot of each of these systems that has one, by system id: one query for the pointers. */
    @Transactional
    public Map<Long, LatestSnapshot> latest(List<ConfiguredSystem> systems) {
        Map<Long, Long> pointers = new HashMap<>();
        for (LatestPointer pointer : LatestPointer.<LatestPointer>listAll()) {
            if (pointer.snapshotId != null) {
                pointers.put(pointer.systemId, pointer.snapshotId);
            }
        }
        Map<Long, LatestSnapshot> result = new HashMap<>();
        for (ConfiguredSystem system : systems) {
            Long snapshotId = pointers.get(system.id());
            if (snapshotId != null) {
                result.put(system.id(), resolve(system, snapshotId));
            }
        }
        return result;
    }

    /** When each system was last observed, by system id; systems without data are absent. One small query. */
    @Transactional
    public Map<Long, Instant> latestObservations() {
        Map<Long, Instant> result = new HashMap<>();
        for (LatestPointer pointer : LatestPointer.<LatestPointer>listAll()) {
            if (pointer.observedAt != null) {
                result.put(pointer.systemId, pointer.observedAt);
            }
        }
        return result;
    }

    private LatestSnapshot resolve(ConfiguredSystem system, Long snapshotId) {
        if (snapshotId == null) {
            return null;
        }
        LatestSnapshot cached = loaded.get(system.id());
        if (cached != null && cached.snapshot().id.equals(snapshotId)) {
            return cached;
        }
        LatestSnapshot fresh = load(system, snapshotId);
        loaded.put(system.id(), fresh);
        return fresh;
    }

    private LatestSnapshot load(ConfiguredSystem system, long id) {
        Snapshot snapshot = DatabaseErrors.asAnswered(Snapshot.findById(id));
        ChildRows rows = new ChildRows();
        for (ChildArray<?> array : ChildArray.PER_SNAPSHOT) {
            readChildren(array, id, rows);
        }
        // Collectors list login nodes in the order their probes finished, which changes from post to post: by name,
        // as people count them (derecho2 before derecho10), so that rows do not jump at every refresh.
        rows.put(ChildArray.LOGIN_NODES, rows.of(ChildArray.LOGIN_NODES).stream()
                .sorted(Comparator.comparing((LoginNodeStatus n) -> n.nodeName, NaturalOrder.NAMES)).toList());
        // The roster of the newest post that sent one (a post without queue_definitions does not empty it).
        List<QueueDefinition> roster = QueueDefinition.list("systemId = ?1 and definedAt = (select max(d.definedAt)"
                + " from QueueDefinition d where d.systemId = ?1) order by queueId", system.id());
        roster.forEach(row -> ChildArray.QUEUE_DEFINITIONS.setName(row, lookups.nameOf(NameTable.QUEUE, row.queueId)));
        rows.put(ChildArray.QUEUE_DEFINITIONS, roster);
        rows.put(ChildArray.USER_LOADS, UserLoadSpan.list("systemId = ?1 and lastSeen = ?2 order by id", system.id(),
                snapshot.observedAt));
        rows.put(ChildArray.RESERVATIONS, Reservation.list("systemId = ?1 and lastReportedAt >= ?2"
                + " order by startTime, reservationName", system.id(),
                snapshot.observedAt.minus(config.ingest().reservationForgetAfter())));
        return new LatestSnapshot(system, snapshot, rows);
    }

    /** A per-snapshot array's rows of snapshot {@code id}, in the order they were posted, names resolved. */
    private <E> void readChildren(ChildArray<E> array, long id, ChildRows rows) {
        List<E> children = em.createQuery("from " + array.entity().getSimpleName() + " c where c.snapshotId = ?1"
                + " order by c.id", array.entity()).setParameter(1, id).getResultList();
        ChildArray.Naming<E> naming = array.naming();
        children.forEach(row -> array.setName(row, lookups.nameOf(naming.names(), naming.id().applyAsLong(row))));
        rows.put(array, children);
    }

    /**
     * What an earlier post stored for this system and instant, if it had the same content; a conflict if it had
     * other content; empty if nothing is stored there.
     */
    @Transactional
    public Optional<StoredSnapshot> existing(long systemId, Instant observedAt, String contentHash) {
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
        Map<ChildArray<?>, List<Long>> rowIds = new LinkedHashMap<>();
        for (ChildArray<?> array : ChildArray.PER_SNAPSHOT) {
            rowIds.put(array, em.createQuery("select c.id from " + array.entity().getSimpleName() + " c"
                    + " where c.snapshotId = ?1 order by c.id", Long.class).setParameter(1, original.id).getResultList());
        }
        return Optional.of(new StoredSnapshot(original.id, original.observedAt, rowIds, true));
    }

    /** Raw values of a series in [from, to), in time order (see SnapshotHistory#rawSeries). */
    public void rawSeries(long systemId, SeriesScope scope, String name, SeriesScope.Metric metric, Instant from,
            Instant to, SeriesScope.Values sink) {
        history.rawSeries(systemId, scope, name, metric, from, to, sink);
    }

    /** A scope's aggregates over one hour of a system, one row per name ("" for the system). */
    public List<HourAggregate> hourAggregates(long systemId, SeriesScope scope, List<SeriesScope.Metric> metrics,
            Instant hour) {
        return history.hourAggregates(systemId, scope, metrics, hour);
    }

    /** The oldest marks on stored snapshots' hours, by system and hour, at most {@code limit}. */
    public List<HourMark> marks(int limit) {
        return history.marks(limit);
    }

    /** Removes these marks, and only these. */
    public void clearMarks(List<Long> markIds) {
        history.clearMarks(markIds);
    }

    /** The per-user spans of a system overlapping [from, to) whose jobs held cores (personal data). */
    public List<UserSpan> spansOverlapping(long systemId, Instant from, Instant to) {
        return history.spansOverlapping(systemId, from, to);
    }

    /** Retention: raw snapshots before the cutoff with their rows, except each system's newest; how many. */
    public int deleteSnapshotsBefore(Instant cutoff, int batch) {
        return history.deleteSnapshotsBefore(cutoff, batch);
    }

    /** Retention: per-user spans last seen before the cutoff; how many. */
    public int deleteSpansBefore(Instant cutoff, int batch) {
        return history.deleteSpansBefore(cutoff, batch);
    }

    /** Retention: reservations ended, and last reported, before the cutoff; how many. */
    public int deleteReservationsBefore(Instant cutoff, int batch) {
        return history.deleteReservationsBefore(cutoff, batch);
    }
}
