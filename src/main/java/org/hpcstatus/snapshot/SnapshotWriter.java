package org.hpcstatus.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import org.hpcstatus.contract.Field;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.database.DatabaseReady;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.system.SystemKind;

/**
 * Stores one validated snapshot with its children and moves the system's "latest" pointer, in one transaction.
 * <p>
 * This is the one place that writes snapshot rows. They go out as plain JDBC batches in one local transaction,
 * with columns named by the same {@link Field} definitions the validation used ({@link Field#column()}), and ids
 * reserved in blocks by {@link SequenceIds}. Through Hibernate and JTA the same 16 rows cost several times the CPU
 * (per-column mutation bookkeeping, a session and a JTA transaction per post), which the ingest benchmark showed as
 * the bottleneck. Reading stays with Hibernate ({@link SnapshotQueries}).
 */
@ApplicationScoped
public class SnapshotWriter {

    /**
     * A child table: its id column and sequence, the lookup id column that replaces the posted name, and the other
     * fields as columns, with the INSERT built once.
     */
    private static final class ChildTable<E> {
        final String sequence;
        final List<Field<E>> fields;
        final ToLongFunction<E> lookupId;
        final String insert;

        ChildTable(String table, String idColumn, String sequence, String lookupColumn, String nameField,
                List<Field<E>> allFields, ToLongFunction<E> lookupId) {
            this.sequence = sequence;
            this.fields = allFields.stream().filter(f -> !f.name().equals(nameField)).toList();
            this.lookupId = lookupId;
            this.insert = "INSERT INTO " + table + " (" + idColumn + ", snapshot_id, " + lookupColumn + ", "
                    + columns(fields) + ") VALUES (?, ?, ?, " + placeholders(fields.size()) + ")";
        }
    }

    // Derecho's login nodes add no column (only node_type becomes required), so one table definition serves all kinds.
    private static final ChildTable<LoginNodeStatus> LOGIN_NODES = new ChildTable<>("login_node_status",
            "login_node_status_id", "login_node_status_seq", "login_node_id", "node_name", SnapshotFields.LOGIN_NODE,
            row -> row.loginNodeId);
    private static final ChildTable<QueueStatus> QUEUES = new ChildTable<>("queue_status", "queue_status_id",
            "queue_status_seq", "queue_id", "queue_name", SnapshotFields.QUEUE, row -> row.queueId);
    private static final ChildTable<FilesystemStatus> FILESYSTEMS = new ChildTable<>("filesystem_status",
            "filesystem_status_id", "filesystem_status_seq", "filesystem_id", "filesystem_name", SnapshotFields.FILESYSTEM,
            row -> row.filesystemId);
    private static final ChildTable<NodeTypeStatus> NODE_TYPES = new ChildTable<>("node_type_status",
            "node_type_status_id", "node_type_status_seq", "node_type_id", "node_type", SnapshotFields.NODE_TYPE,
            row -> row.nodeTypeId);
    private static final ChildTable<HubNodeStatus> HUB_NODES = new ChildTable<>("hub_node_status",
            "hub_node_status_id", "hub_node_status_seq", "hub_node_id", "name", SnapshotFields.HUB_NODE,
            row -> row.hubNodeId);

    /** A write that the database refused or could not take; the cause says why. Nothing of it was stored. */
    public static class WriteFailedException extends RuntimeException {
        WriteFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Inject
    AgroalDataSource dataSource;

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
            SNAPSHOT_INSERTS.put(kind, "INSERT INTO status_snapshot (snapshot_id, system_id, observed_at, received_at,"
                    + " content_hash, warnings, " + columns(fields) + ") VALUES (?, ?, ?, ?, ?, ?, "
                    + placeholders(fields.size()) + ")");
        }
    }

    /**
     * Runs once the configured systems are known (their observer has a lower priority): gives each system the
     * "latest" pointer row that ingest then only moves forward, and checks that the id sequences hand out blocks of
     * the size {@link SequenceIds} assumes.
     */
    void prepare(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) DatabaseReady ready) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (ConfiguredSystem system : systems.all()) {
                ensureLatestPointer(connection, system.id());
            }
            ids.verifyBlockSize(connection, List.of("status_snapshot_seq", LOGIN_NODES.sequence, QUEUES.sequence,
                    FILESYSTEMS.sequence, NODE_TYPES.sequence, HUB_NODES.sequence));
        }
    }

    private static void ensureLatestPointer(Connection connection, long systemId) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM latest_snapshot WHERE system_id = ?")) {
            exists.setLong(1, systemId);
            try (var rows = exists.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO latest_snapshot (system_id) VALUES (?)")) {
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
     * {@link SnapshotQueries#existing} what to answer. Checking first would cost every post a round trip to save the
     * rare retry one.
     */
    public StoredSnapshot write(NewSnapshot report) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                StoredSnapshot result = insert(connection, report);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    private StoredSnapshot insert(Connection connection, NewSnapshot report) throws SQLException {
        Snapshot snapshot = report.snapshot();
        snapshot.id = ids.next(connection, "status_snapshot_seq");
        insertSnapshot(connection, snapshot, report.system().kind());
        List<Long> loginNodeIds = insertChildren(connection, LOGIN_NODES, report.loginNodes(), snapshot.id);
        List<Long> queueIds = insertChildren(connection, QUEUES, report.queues(), snapshot.id);
        List<Long> filesystemIds = insertChildren(connection, FILESYSTEMS, report.filesystems(), snapshot.id);
        List<Long> nodeTypeIds = insertChildren(connection, NODE_TYPES, report.nodeTypes(), snapshot.id);
        List<Long> hubNodeIds = insertChildren(connection, HUB_NODES, report.hubNodes(), snapshot.id);
        PointerMove move = moveLatestPointer(connection, snapshot);
        if (move.moved()) {
            presentRows.write(connection, snapshot.systemId, snapshot.observedAt, move.previous(), report.present());
        }
        markHourForRollup(connection, snapshot);
        return new StoredSnapshot(snapshot.id, snapshot.observedAt, loginNodeIds, queueIds, filesystemIds, nodeTypeIds,
                hubNodeIds, false);
    }

    /**
     * Tells the roll-up job (history.Rollups) that this snapshot's hour changed: a row of its own in rollup_mark, in
     * this transaction, so a stored snapshot is never missed and a late one updates the right bucket. An insert of
     * its own row waits for no other post (an upsert of one row per hour queued every post behind the others' commits).
     */
    private static void markHourForRollup(Connection connection, Snapshot snapshot) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(
                "INSERT INTO rollup_mark (system_id, hour_start) VALUES (?, ?)")) {
            mark.setLong(1, snapshot.systemId);
            mark.setObject(2, utc(snapshot.observedAt.truncatedTo(java.time.temporal.ChronoUnit.HOURS)));
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
        LocalDateTime observed = utc(snapshot.observedAt);
        if (!isNewer(observed, latestObserved(connection, snapshot.systemId, ""))) {
            return PointerMove.NONE;
        }
        LocalDateTime previous = latestObserved(connection, snapshot.systemId, " FOR UPDATE");
        if (!isNewer(observed, previous)) {
            return PointerMove.NONE;
        }
        try (PreparedStatement latest = connection.prepareStatement("UPDATE latest_snapshot SET snapshot_id = ?,"
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
                "SELECT observed_at FROM latest_snapshot WHERE system_id = ?" + lock)) {
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
            insert.setObject(3, utc(snapshot.observedAt));
            insert.setObject(4, utc(snapshot.receivedAt));
            insert.setString(5, snapshot.contentHash);
            insert.setString(6, snapshot.warnings);
            bind(insert, 7, snapshot, KindProfile.of(kind).fields());
            insert.executeUpdate();
        }
    }

    private <E> List<Long> insertChildren(Connection connection, ChildTable<E> table, List<E> rows, long snapshotId)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> rowIds = new ArrayList<>(rows.size());
        try (PreparedStatement insert = connection.prepareStatement(table.insert)) {
            for (E row : rows) {
                long id = ids.next(connection, table.sequence);
                rowIds.add(id);
                insert.setLong(1, id);
                insert.setLong(2, snapshotId);
                insert.setLong(3, table.lookupId.applyAsLong(row));
                bind(insert, 4, row, table.fields);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return rowIds;
    }

    /**
     * Binds each field's value by its type: the MariaDB driver's setObject looks for a codec among all it has, a
     * measurable share of a post's CPU at a few hundred posts a second.
     */
    private static <E> void bind(PreparedStatement statement, int first, E entity, List<Field<E>> fields)
            throws SQLException {
        int index = first;
        for (Field<E> field : fields) {
            Object value = field.getter().apply(entity);
            int at = index++;
            if (value == null) {
                statement.setNull(at, switch (field.type()) {
                    case COUNT -> Types.INTEGER;
                    case LARGE_COUNT -> Types.BIGINT;
                    case PERCENT, AMOUNT -> Types.DOUBLE;
                    case FLAG -> Types.BOOLEAN;
                    case TEXT -> Types.VARCHAR;
                    case TIMESTAMP -> Types.TIMESTAMP;
                });
                continue;
            }
            switch (field.type()) {
                case COUNT -> statement.setInt(at, (Integer) value);
                case LARGE_COUNT -> statement.setLong(at, (Long) value);
                case PERCENT, AMOUNT -> statement.setDouble(at, (Double) value);
                case FLAG -> statement.setBoolean(at, (Boolean) value);
                case TEXT -> statement.setString(at, (String) value);
                case TIMESTAMP -> statement.setObject(at, utc((Instant) value));
            }
        }
    }

    /** DATETIME columns hold UTC wall-clock time, as Hibernate reads them (quarkus.hibernate-orm.jdbc.timezone=UTC). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static <E> String columns(List<Field<E>> fields) {
        return fields.stream().map(Field::column).collect(Collectors.joining(", "));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
