package org.hpcstatus.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.hibernate.LockMode;
import org.hibernate.StatelessSession;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.database.DatabaseReady;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/**
 * Stores one validated snapshot with its rows and moves the system's "latest" pointer, in one transaction, through
 * Hibernate's StatelessSession: no persistence context, each array's rows inserted as one JDBC batch, ids from the
 * tables' sequences 50 at a time. What only the newest post keeps (the queue roster, reservations, per-user load
 * spans) is written only when the post moved the pointer, under the pointer's row lock, so of two racing posts only
 * the newer writes it: an older post, a back-fill or a retry never overwrites newer facts.
 */
@ApplicationScoped
public class SnapshotWriter {

    /** A write that the database refused or could not take; the cause says why. Nothing of it was stored. */
    public static class WriteFailedException extends RuntimeException {
        WriteFailedException(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Inject
    StatelessSession session;

    @Inject
    SystemCatalog systems;

    @Inject
    StatusConfig config;

    /**
     * Runs once the configured systems are known (their observer has a lower priority): gives each system the
     * "latest" pointer row that ingest then only moves forward.
     */
    void prepare(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) DatabaseReady ready) {
        for (ConfiguredSystem system : systems.all()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (session.get(LatestPointer.class, system.id()) == null) {
                        LatestPointer pointer = new LatestPointer();
                        pointer.systemId = system.id();
                        session.insert(pointer);
                    }
                });
            } catch (RuntimeException e) {
                if (!DatabaseErrors.isConstraintViolation(e)) {
                    throw e;
                }
                Log.debugf("latest_snapshot row for system %d created by another replica: %s", system.id(),
                        e.getMessage());
            }
        }
    }

    /**
     * Writes the snapshot and its rows (which must already carry their names' ids). A snapshot for the same system
     * and instant that is already stored makes this fail on the unique key; the caller then asks
     * {@link SnapshotQueries#existing} what to answer. Checking first would cost every post a round trip to save the
     * rare retry one.
     */
    public StoredSnapshot write(NewSnapshot report) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> insert(report));
        } catch (RuntimeException e) {
            throw new WriteFailedException(e);
        }
    }

    private StoredSnapshot insert(NewSnapshot report) {
        Snapshot snapshot = report.snapshot();
        session.insert(snapshot);
        Map<ChildArray<?>, List<Long>> rowIds = new LinkedHashMap<>();
        for (ChildArray<?> array : ChildArray.PER_SNAPSHOT) {
            rowIds.put(array, insertRows(array, report.rows(), snapshot.id));
        }
        PointerMove move = moveLatestPointer(snapshot);
        if (move.moved()) {
            writePresent(snapshot, move.previous(), report.rows());
        }
        // Tells the roll-up job that this hour changed; a late snapshot updates the right bucket. (A DML insert: the
        // entity's insert would fetch the generated key, a round trip for an id nobody reads.)
        session.createMutationQuery("insert into RollupMark (systemId, hourStart) values (:system, :hour)")
                .setParameter("system", snapshot.systemId)
                .setParameter("hour", snapshot.observedAt.truncatedTo(ChronoUnit.HOURS)).executeUpdate();
        return new StoredSnapshot(snapshot.id, snapshot.observedAt, rowIds, false);
    }

    private <E> List<Long> insertRows(ChildArray<E> array, ChildRows all, long snapshotId) {
        List<E> rows = all.of(array);
        if (rows.isEmpty()) {
            return List.of();
        }
        ChildArray.PerSnapshot<E> owned = array.perSnapshotRows();
        rows.forEach(row -> owned.setSnapshotId().accept(row, snapshotId));
        session.insertMultiple(rows);
        return rows.stream().map(owned.id()).toList();
    }

    /** Whether a post moved its system's pointer, and when the newest post before it was observed (null: none). */
    private record PointerMove(boolean moved, Instant previous) {
        static final PointerMove NONE = new PointerMove(false, null);
    }

    /**
     * Moves the system's pointer to this snapshot if it is newer; a late or back-filled snapshot never hides a newer
     * one. Every post of a system would otherwise queue on this one row, each holding its lock through its commit
     * (an fsync on MariaDB): so a plain read first, and only a post that really is newer locks the row and reads it
     * again under the lock; of two newer posts racing, each then sees the other's time as the previous one.
     */
    private PointerMove moveLatestPointer(Snapshot snapshot) {
        LatestPointer seen = session.get(LatestPointer.class, snapshot.systemId);
        if (!isNewer(snapshot.observedAt, seen.observedAt)) {
            return PointerMove.NONE;
        }
        LatestPointer pointer = session.get(LatestPointer.class, snapshot.systemId, LockMode.PESSIMISTIC_WRITE);
        if (!isNewer(snapshot.observedAt, pointer.observedAt)) {
            return PointerMove.NONE;
        }
        Instant previous = pointer.observedAt;
        pointer.snapshotId = snapshot.id;
        pointer.observedAt = snapshot.observedAt;
        session.update(pointer);
        return new PointerMove(true, previous);
    }

    private static boolean isNewer(Instant observed, Instant latest) {
        return latest == null || latest.isBefore(observed);
    }

    /**
     * What a post that became its system's newest says about the present: the roster (upserted by queue), the
     * reservations (kept by id or name, last reported now), the per-user load as spans. {@code previous} is when the
     * newest post before it was observed (null when it is the first).
     */
    private void writePresent(Snapshot snapshot, Instant previous, ChildRows rows) {
        for (QueueDefinition queue : rows.of(ChildArray.QUEUE_DEFINITIONS)) {
            queue.systemId = snapshot.systemId;
            queue.definedAt = snapshot.observedAt;
            session.upsert(queue);
        }
        List<Reservation> reservations = rows.of(ChildArray.RESERVATIONS);
        if (!reservations.isEmpty()) {
            writeReservations(snapshot, reservations);
        }
        List<UserLoadSpan> loads = rows.of(ChildArray.USER_LOADS);
        if (!loads.isEmpty()) {
            writeSpans(snapshot, previous, loads);
        }
    }

    private void writeReservations(Snapshot snapshot, List<Reservation> posted) {
        Map<String, Reservation> kept = new HashMap<>();
        session.createSelectionQuery("from Reservation where systemId = :system", Reservation.class)
                .setParameter("system", snapshot.systemId).getResultList().forEach(r -> kept.put(r.reservationKey, r));
        List<Reservation> inserts = new ArrayList<>();
        List<Reservation> updates = new ArrayList<>();
        for (Reservation r : posted) {
            r.systemId = snapshot.systemId;
            r.reservationKey = r.key();
            r.lastReportedAt = snapshot.observedAt;
            Reservation before = kept.get(r.reservationKey);
            if (before == null) {
                r.firstReportedAt = snapshot.observedAt;
                inserts.add(r);
            } else {
                r.id = before.id;
                r.firstReportedAt = before.firstReportedAt;
                updates.add(r);
            }
        }
        session.insertMultiple(inserts);
        session.updateMultiple(updates);
    }

    /** What names a span: one user, project and queue, from post to post. */
    private record SpanKey(String username, String projectCode, String queueName) {

        static SpanKey of(UserLoadSpan span) {
            return new SpanKey(span.username, span.projectCode, span.queueName);
        }
    }

    /**
     * A row that reads the same as in the previous newest post extends that post's span to this one; any other row
     * opens a span. A previous post further back than the configured gap ends every span.
     */
    private void writeSpans(Snapshot snapshot, Instant previous, List<UserLoadSpan> rows) {
        Map<SpanKey, UserLoadSpan> open = new HashMap<>();
        Duration gap = config.ingest().userLoadSpanGap();
        if (previous != null && Duration.between(previous, snapshot.observedAt).compareTo(gap) <= 0) {
            session.createSelectionQuery("from UserLoadSpan where systemId = :system and lastSeen = :previous",
                    UserLoadSpan.class).setParameter("system", snapshot.systemId).setParameter("previous", previous)
                    .getResultList().forEach(span -> open.put(SpanKey.of(span), span));
        }
        List<UserLoadSpan> extended = new ArrayList<>();
        List<UserLoadSpan> opened = new ArrayList<>();
        for (UserLoadSpan row : rows) {
            UserLoadSpan span = open.get(SpanKey.of(row));
            if (span != null && sameLoad(span, row)) {
                span.lastSeen = snapshot.observedAt;
                extended.add(span);
            } else {
                row.systemId = snapshot.systemId;
                row.firstSeen = snapshot.observedAt;
                row.lastSeen = snapshot.observedAt;
                opened.add(row);
            }
        }
        session.updateMultiple(extended);
        session.insertMultiple(opened);
    }

    /** Whether two rows of one user, project and queue say the same load (every field but the names). */
    private static boolean sameLoad(UserLoadSpan a, UserLoadSpan b) {
        return ChildArray.USER_LOADS.fields().stream()
                .allMatch(f -> Objects.equals(f.getter().apply(a), f.getter().apply(b)));
    }
}
