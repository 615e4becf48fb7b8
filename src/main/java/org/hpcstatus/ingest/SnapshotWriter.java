package org.hpcstatus.ingest;

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
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.NodeTypeStatus;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.SnapshotFields;
import org.hpcstatus.system.SystemKind;

/**
 * Stores one validated snapshot with its children and moves the system's "latest" pointer, in one transaction.
 * <p>
 * The rows go out as plain JDBC batches in one local transaction, with columns named by the same {@link Field}
 * definitions the validation used (a JSON name is its column name). Through Hibernate and JTA the same 16 rows cost
 * several times the CPU (per-column mutation bookkeeping, a session and a JTA transaction per post), which the ingest
 * benchmark showed as the bottleneck. Reading, including {@link #existing}, stays with Hibernate.
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

    /** A write that the database refused or could not take; the cause says why. Nothing of it was stored. */
    public static class WriteFailedException extends RuntimeException {
        WriteFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SequenceIds ids;

    /** The snapshot INSERT for each system kind: the fixed columns, then that kind's fields. */
    private static final Map<SystemKind, String> SNAPSHOT_INSERTS = new EnumMap<>(SystemKind.class);

    static {
        for (SystemKind kind : SystemKind.values()) {
            List<Field<Snapshot>> fields = SnapshotFields.forKind(kind);
            SNAPSHOT_INSERTS.put(kind, "INSERT INTO status_snapshot (snapshot_id, system_id, observed_at, received_at,"
                    + " content_hash, " + columns(fields) + ") VALUES (?, ?, ?, ?, ?, " + placeholders(fields.size()) + ")");
        }
    }

    /**
     * Writes the snapshot and its children (which must already carry their lookup ids). A snapshot for the same
     * system and instant that is already stored makes this fail on the unique key; the caller then asks
     * {@link #existing} what to answer. Checking first would cost every post a round trip to save the rare retry one.
     */
    public IngestResult write(SnapshotReport report) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                IngestResult result = insert(connection, report);
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

    private IngestResult insert(Connection connection, SnapshotReport report) throws SQLException {
        Snapshot snapshot = report.snapshot();
        snapshot.id = ids.next(connection, "status_snapshot_seq");
        insertSnapshot(connection, snapshot, report.system().kind());
        List<Long> loginNodeIds = insertChildren(connection, LOGIN_NODES, report.loginNodes(), snapshot.id);
        List<Long> queueIds = insertChildren(connection, QUEUES, report.queues(), snapshot.id);
        List<Long> filesystemIds = insertChildren(connection, FILESYSTEMS, report.filesystems(), snapshot.id);
        List<Long> nodeTypeIds = insertChildren(connection, NODE_TYPES, report.nodeTypes(), snapshot.id);
        // Moves forward only: a late retry of an older snapshot never hides a newer one.
        try (PreparedStatement latest = connection.prepareStatement("UPDATE latest_snapshot SET snapshot_id = ?,"
                + " observed_at = ? WHERE system_id = ? AND (observed_at IS NULL OR observed_at < ?)")) {
            latest.setLong(1, snapshot.id);
            latest.setObject(2, utc(snapshot.observedAt));
            latest.setLong(3, snapshot.systemId);
            latest.setObject(4, utc(snapshot.observedAt));
            latest.executeUpdate();
        }
        return new IngestResult(snapshot.id, snapshot.observedAt, loginNodeIds, queueIds, filesystemIds, nodeTypeIds,
                false);
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
                childIds(LoginNodeStatus.class, id), childIds(QueueStatus.class, id), childIds(FilesystemStatus.class, id),
                childIds(NodeTypeStatus.class, id), true));
    }

    private void insertSnapshot(Connection connection, Snapshot snapshot, SystemKind kind) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SNAPSHOT_INSERTS.get(kind))) {
            insert.setLong(1, snapshot.id);
            insert.setLong(2, snapshot.systemId);
            insert.setObject(3, utc(snapshot.observedAt));
            insert.setObject(4, utc(snapshot.receivedAt));
            insert.setString(5, snapshot.contentHash);
            bind(insert, 6, snapshot, SnapshotFields.forKind(kind));
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

    private static <E> void bind(PreparedStatement statement, int first, E entity, List<Field<E>> fields)
            throws SQLException {
        int index = first;
        for (Field<E> field : fields) {
            Object value = field.getter().apply(entity);
            if (value == null) {
                statement.setNull(index++, switch (field.type()) {
                    case COUNT -> Types.INTEGER;
                    case LARGE_COUNT -> Types.BIGINT;
                    case PERCENT, AMOUNT -> Types.DOUBLE;
                    case FLAG -> Types.BOOLEAN;
                    case TEXT -> Types.VARCHAR;
                    case TIMESTAMP -> Types.TIMESTAMP;
                });
            } else {
                statement.setObject(index++, value instanceof Instant instant ? utc(instant) : value);
            }
        }
    }

    /** DATETIME columns hold UTC wall-clock time, as Hibernate reads them (quarkus.hibernate-orm.jdbc.timezone=UTC). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static <E> String columns(List<Field<E>> fields) {
        return fields.stream().map(Field::name).collect(Collectors.joining(", "));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private List<Long> childIds(Class<? extends PanacheEntityBase> childType, long snapshotId) {
        return em.createQuery("select c.id from " + childType.getSimpleName() + " c where c.snapshotId = ?1 order by c.id",
                Long.class).setParameter(1, snapshotId).getResultList();
    }
}
