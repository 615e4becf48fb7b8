package org.hpcstatus.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import org.hpcstatus.contract.Field;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.database.DatabaseReady;
import org.hpcstatus.database.Jdbc;
import org.hpcstatus.database.Mapping;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.ChildRows;
import org.hpcstatus.snapshot.LatestPointer;
import org.hpcstatus.snapshot.NewSnapshot;
import org.hpcstatus.snapshot.RollupMark;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.StoredSnapshot;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.system.SystemKind;

/**
 * Stores one validated snapshot with its children and moves the system's "latest" pointer, in one transaction.
 * <p>
 * This is the one place that writes snapshot rows. They go out as plain JDBC batches in one local transaction, tables
 * and columns named by the arrays' descriptors ({@link ChildArray}) and the same {@link Field} definitions the
 * validation used, ids reserved in blocks by {@link SequenceIds}. Through Hibernate's StatelessSession (batched, in a
 * JTA transaction) the same post cost twice the CPU and 42 % of the throughput (ingest-ab.sh, 274 against 474
 * posts/s; README, "One way to persist"), so this stays JDBC. Reading is Hibernate's ({@link Snapshots}).
 */
@ApplicationScoped
class SnapshotWriter {

    private static final String SNAPSHOT_SEQUENCE = Mapping.idSequence(Snapshot.class);
    private static final String LATEST = Mapping.table(LatestPointer.class);
    private static final String MARKS = Mapping.table(RollupMark.class);

    /** Each per-snapshot array's INSERT: its id, the snapshot's, the name's id, then its stored fields. */
    private static final Map<ChildArray<?>, String> CHILD_INSERTS = new HashMap<>();

    static {
        for (ChildArray<?> array : ChildArray.PER_SNAPSHOT) {
            ChildArray.Table table = array.table();
            CHILD_INSERTS.put(array, "INSERT INTO " + table.name() + " (" + table.idColumn() + ", snapshot_id, "
                    + array.naming().names().idColumn + ", " + Jdbc.columns(array.storedFields()) + ") VALUES (?, ?, ?, "
                    + Jdbc.placeholders(array.storedFields().size()) + ")");
        }
    }

    @Inject
    Jdbc jdbc;

    @Inject
    SequenceIds ids;

    @Inject
    PresentRowsWriter presentRows;

    @Inject
    SystemCatalog systems;

    /** The snapshot INSERT for each system kind: the fixed columns, then that kind's fields. */
    private static final Map<SystemKind, String> SNAPSHOT_INSERTS = new EnumMap<>(SystemKind.class);

    static {
        for (SystemKind kind : SystemKind.values()) {
            List<Field<Snapshot>> fields = KindProfile.of(kind).fields();
            SNAPSHOT_INSERTS.put(kind, "INSERT INTO " + SnapshotHistory.SNAPSHOTS + " (" + SnapshotHistory.SNAPSHOT_ID
                    + ", system_id, observed_at, received_at, content_hash, warnings, " + Jdbc.columns(fields)
                    + ") VALUES (?, ?, ?, ?, ?, ?, "
                    + Jdbc.placeholders(fields.size()) + ")");
        }
    }

    /**
     * Runs once the configured systems are known (their observer has a lower priority): gives each system the
     * "latest" pointer row that ingest then only moves forward.
     */
    void prepare(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) DatabaseReady ready) {
        jdbc.withConnection(connection -> {
            for (ConfiguredSystem system : systems.all()) {
                ensureLatestPointer(connection, system.id());
            }
            return null;
        });
    }

    private static void ensureLatestPointer(Connection connection, long systemId) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM " + LATEST + " WHERE system_id = ?")) {
            exists.setLong(1, systemId);
            try (var rows = exists.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + LATEST + " (system_id) VALUES (?)")) {
            insert.setLong(1, systemId);
            insert.executeUpdate();
        } catch (SQLException failed) {
            if (!DatabaseErrors.isConstraintViolation(failed)) {
                throw failed;
            }
            Log.debugf("latest_snapshot row for system %d created by another replica: %s", systemId, failed.getMessage());
        }
    }

    /**
     * Writes the snapshot and its children (which must already carry their lookup ids). A snapshot for the same
     * system and instant that is already stored makes this fail on the unique key; the caller then asks
     * {@link Snapshots#existing} what to answer. Checking first would cost every post a round trip to save the
     * rare retry one.
     */
    StoredSnapshot write(NewSnapshot report) {
        try {
            return jdbc.withConnection(connection -> {
                StoredSnapshot[] stored = new StoredSnapshot[1];
                Jdbc.inTransaction(connection, () -> stored[0] = insert(connection, report));
                return stored[0];
            });
        } catch (Jdbc.SqlFailedException e) {
            throw new WriteFailedException(e);
        }
    }

    private StoredSnapshot insert(Connection connection, NewSnapshot report) throws SQLException {
        Snapshot snapshot = report.snapshot();
        snapshot.id = ids.next(connection, SNAPSHOT_SEQUENCE);
        insertSnapshot(connection, snapshot, report.system().kind());
        Map<ChildArray<?>, List<Long>> rowIds = new LinkedHashMap<>();
        for (ChildArray<?> array : ChildArray.PER_SNAPSHOT) {
            rowIds.put(array, insertChildren(connection, array, report.rows(), snapshot.id));
        }
        PointerMove move = moveLatestPointer(connection, snapshot);
        if (move.moved()) {
            presentRows.write(connection, snapshot.systemId, snapshot.observedAt, move.previous(), report.rows());
        }
        markHourForRollup(connection, snapshot);
        return new StoredSnapshot(snapshot.id, snapshot.observedAt, rowIds, false);
    }

    /**
     * Tells the roll-up job (rollup.Rollups) that this snapshot's hour changed: a row of its own in rollup_mark, in
     * this transaction, so a stored snapshot is never missed and a late one updates the right bucket. An insert of
     * its own row waits for no other post (an upsert of one row per hour queued every post behind the others' commits).
     */
    private static void markHourForRollup(Connection connection, Snapshot snapshot) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(
                "INSERT INTO " + MARKS + " (system_id, hour_start) VALUES (?, ?)")) {
            mark.setLong(1, snapshot.systemId);
            mark.setObject(2, Jdbc.utc(snapshot.observedAt.truncatedTo(ChronoUnit.HOURS)));
            mark.executeUpdate();
        }
    }

    /** Whether a post moved its system's pointer, and when the newest post before it was observed (null: none). */
    private record PointerMove(boolean moved, Instant previous) {
        static final PointerMove NONE = new PointerMove(false, null);
    }

    /**
     * Moves the system's pointer to this snapshot if it is newer; a late or back-filled snapshot never hides a newer
     * one. Every post of a system would otherwise queue on this one row, each holding its lock through its commit
     * (an fsync on MariaDB): that queue was the ingest tail (p99 around 100 ms here, over 1 s where H2's 1 s lock
     * timeout struck). So a plain read first: a snapshot that is not the newest (back-fills, retries, the benchmark's
     * past timestamps) skips the lock; only a post that really is newer locks the row, and reads it again under the
     * lock, so that of two newer posts racing, each sees the other's time as the previous one, and writes its
     * present rows (the spans continue from the previous post) only if it is still the newer.
     */
    private static PointerMove moveLatestPointer(Connection connection, Snapshot snapshot) throws SQLException {
        LocalDateTime observed = Jdbc.utc(snapshot.observedAt);
        if (!isNewer(observed, latestObserved(connection, snapshot.systemId, ""))) {
            return PointerMove.NONE;
        }
        LocalDateTime previous = latestObserved(connection, snapshot.systemId, " FOR UPDATE");
        if (!isNewer(observed, previous)) {
            return PointerMove.NONE;
        }
        try (PreparedStatement latest = connection.prepareStatement("UPDATE " + LATEST + " SET snapshot_id = ?,"
                + " observed_at = ? WHERE system_id = ?")) {
            latest.setLong(1, snapshot.id);
            latest.setObject(2, observed);
            latest.setLong(3, snapshot.systemId);
            latest.executeUpdate();
        }
        return new PointerMove(true, previous == null ? null : previous.toInstant(ZoneOffset.UTC));
    }

    private static boolean isNewer(LocalDateTime observed, LocalDateTime latest) {
        return latest == null || latest.isBefore(observed);
    }

    private static LocalDateTime latestObserved(Connection connection, long systemId, String lock) throws SQLException {
        try (PreparedStatement current = connection.prepareStatement(
                "SELECT observed_at FROM " + LATEST + " WHERE system_id = ?" + lock)) {
            current.setLong(1, systemId);
            try (var row = current.executeQuery()) {
                return row.next() ? row.getObject(1, LocalDateTime.class) : null;
            }
        }
    }

    private void insertSnapshot(Connection connection, Snapshot snapshot, SystemKind kind) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SNAPSHOT_INSERTS.get(kind))) {
            insert.setLong(1, snapshot.id);
            insert.setLong(2, snapshot.systemId);
            insert.setObject(3, Jdbc.utc(snapshot.observedAt));
            insert.setObject(4, Jdbc.utc(snapshot.receivedAt));
            insert.setString(5, snapshot.contentHash);
            insert.setString(6, snapshot.warnings);
            Jdbc.bind(insert, 7, snapshot, KindProfile.of(kind).fields());
            insert.executeUpdate();
        }
    }

    private <E> List<Long> insertChildren(Connection connection, ChildArray<E> array, ChildRows all, long snapshotId)
            throws SQLException {
        List<E> rows = all.of(array);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> rowIds = new ArrayList<>(rows.size());
        try (PreparedStatement insert = connection.prepareStatement(CHILD_INSERTS.get(array))) {
            for (E row : rows) {
                long id = ids.next(connection, array.idSequence());
                rowIds.add(id);
                insert.setLong(1, id);
                insert.setLong(2, snapshotId);
                insert.setLong(3, array.naming().id().applyAsLong(row));
                Jdbc.bind(insert, 4, row, array.storedFields());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return rowIds;
    }
}
