package org.hpcstatus.snapshot;

import java.util.List;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.hpcstatus.contract.Field;
import org.hpcstatus.database.Mapping;
import org.hpcstatus.system.NameTable;

/**
 * One array a snapshot post may carry, described once: its JSON name, its rows' fields and entity, its table, how a
 * row's name becomes an id, and what makes two rows the same. Parsing, the content hash, the name look-ups, storage,
 * reading back, roll-ups, retention, the history API, the ingest answer and the read API all iterate {@link #ALL}
 * (or a kind's {@code arrays()}) and take their names from here; none keeps a list of its own.
 * <p>
 * Most arrays are rows of the snapshot's instant, stored with it ({@link #perSnapshot}); the last three describe the
 * present (the queue roster, reservations, per-user load) and are kept from a system's newest post only.
 */
public final class ChildArray<E> {

    /** Where the rows live: the table and its id column, as the entity declares them. */
    public record Table(String name, String idColumn) {
    }

    /** How a row stored with each snapshot belongs to it: its id, and the snapshot it is stored with. */
    public record PerSnapshot<E>(Function<E, Long> id, ObjLongConsumer<E> setSnapshotId) {
    }

    /**
     * How a row's name becomes an id: the field that carries the name, the table of names, and the row's id
     * property, which the row's table stores under the name table's id column.
     */
    public record Naming<E>(Field<E> nameField, NameTable names, ToLongFunction<E> id, ObjLongConsumer<E> setId) {
    }

    public static final ChildArray<LoginNodeStatus> LOGIN_NODES = new ChildArray<>("login_nodes",
            LoginNodeStatus.class, LoginNodeStatus::new, SnapshotFields.LOGIN_NODE,
            naming(SnapshotFields.LOGIN_NODE, "node_name", NameTable.LOGIN_NODE, row -> row.loginNodeId,
                    (row, id) -> row.loginNodeId = id),
            new PerSnapshot<>(row -> row.id, (row, id) -> row.snapshotId = id), null);

    public static final ChildArray<QueueStatus> QUEUES = new ChildArray<>("queues",
            QueueStatus.class, QueueStatus::new, SnapshotFields.QUEUE,
            naming(SnapshotFields.QUEUE, "queue_name", NameTable.QUEUE, row -> row.queueId,
                    (row, id) -> row.queueId = id),
            new PerSnapshot<>(row -> row.id, (row, id) -> row.snapshotId = id), null);

    public static final ChildArray<FilesystemStatus> FILESYSTEMS = new ChildArray<>("filesystems",
            FilesystemStatus.class, FilesystemStatus::new, SnapshotFields.FILESYSTEM,
            naming(SnapshotFields.FILESYSTEM, "filesystem_name", NameTable.FILESYSTEM, row -> row.filesystemId,
                    (row, id) -> row.filesystemId = id),
            new PerSnapshot<>(row -> row.id, (row, id) -> row.snapshotId = id), null);

    public static final ChildArray<NodeTypeStatus> NODE_TYPES = new ChildArray<>("node_types",
            NodeTypeStatus.class, NodeTypeStatus::new, SnapshotFields.NODE_TYPE,
            naming(SnapshotFields.NODE_TYPE, "node_type", NameTable.NODE_TYPE, row -> row.nodeTypeId,
                    (row, id) -> row.nodeTypeId = id),
            new PerSnapshot<>(row -> row.id, (row, id) -> row.snapshotId = id), null);

    public static final ChildArray<HubNodeStatus> HUB_NODES = new ChildArray<>("nodes",
            HubNodeStatus.class, HubNodeStatus::new, SnapshotFields.HUB_NODE,
            naming(SnapshotFields.HUB_NODE, "name", NameTable.HUB_NODE, row -> row.hubNodeId,
                    (row, id) -> row.hubNodeId = id),
            new PerSnapshot<>(row -> row.id, (row, id) -> row.snapshotId = id), null);

    /** The queue roster (PBS qstat -Q): one row per queue, kept by the queue's name id. */
    public static final ChildArray<QueueDefinition> QUEUE_DEFINITIONS = new ChildArray<>("queue_definitions",
            QueueDefinition.class, QueueDefinition::new, SnapshotFields.QUEUE_DEFINITION,
            naming(SnapshotFields.QUEUE_DEFINITION, "queue_name", NameTable.QUEUE, row -> row.queueId,
                    (row, id) -> row.queueId = id), null, null);

    /** Reservations: the same one is its scheduler id where sent, else its name (PBS does not make names unique). */
    public static final ChildArray<Reservation> RESERVATIONS = new ChildArray<>("reservations",
            Reservation.class, Reservation::new, SnapshotFields.RESERVATION, null, null,
            row -> row.schedulerId != null ? named("reservation_id", row.schedulerId)
                    : named("reservation_name", row.reservationName));

    /** Per-user load: one row per user, project and queue (personal data). */
    public static final ChildArray<UserLoadSpan> USER_LOADS = new ChildArray<>("user_project_queues",
            UserLoadSpan.class, UserLoadSpan::new, SnapshotFields.USER_LOAD, null, null,
            row -> row.username == null || row.projectCode == null || row.queueName == null ? null
                    : named("username/project_code/queue_name", row.username + "/" + row.projectCode + "/"
                            + row.queueName));

    /** Every array, in the order posts are hashed and answered. */
    public static final List<ChildArray<?>> ALL = List.of(LOGIN_NODES, QUEUES, FILESYSTEMS, NODE_TYPES, HUB_NODES,
            QUEUE_DEFINITIONS, RESERVATIONS, USER_LOADS);

    /** The arrays whose rows are stored with each snapshot, by the snapshot's id. */
    public static final List<ChildArray<?>> PER_SNAPSHOT = ALL.stream().filter(ChildArray::perSnapshot).toList();

    /** The array's name in the JSON of a post and of the read API. */
    public final String jsonName;
    private final Class<E> entity;
    private final Supplier<E> factory;
    private final List<Field<E>> fields;
    private final Naming<E> naming;
    private final Table table;
    private final PerSnapshot<E> perSnapshot;
    private final Function<E, String> identity;

    private ChildArray(String jsonName, Class<E> entity, Supplier<E> factory, List<Field<E>> fields, Naming<E> naming,
            PerSnapshot<E> perSnapshot, Function<E, String> identity) {
        this.jsonName = jsonName;
        this.entity = entity;
        this.factory = factory;
        this.fields = fields;
        this.naming = naming;
        this.table = new Table(Mapping.table(entity), Mapping.idColumn(entity));
        this.perSnapshot = perSnapshot;
        this.identity = identity != null ? identity : row -> named(naming.nameField().name(),
                (String) naming.nameField().getter().apply(row));
    }

    private static <E> Naming<E> naming(List<Field<E>> fields, String nameField, NameTable names, ToLongFunction<E> id,
            ObjLongConsumer<E> setId) {
        return new Naming<>(fields.stream().filter(f -> f.name().equals(nameField)).findFirst().orElseThrow(), names,
                id, setId);
    }

    /** What identifies a row, as an error names it ("queue_name 'main'"); null when the row has no name. */
    private static String named(String field, String value) {
        return value == null ? null : field + " '" + value + "'";
    }

    /** The rows' entity. */
    public Class<E> entity() {
        return entity;
    }

    /** A new, empty row. */
    public E newRow() {
        return factory.get();
    }

    /** The fields of a row, as most kinds post them (a kind may require more: see KindProfile#fieldsOf). */
    public List<Field<E>> fields() {
        return fields;
    }

    /**
     * The fields stored as columns of the row's own, in order: all but the name, which is stored as its id, and any
     * field kept in no column.
     */
    public List<Field<E>> storedFields() {
        return fields.stream().filter(f -> f.stored() && (naming == null || f != naming.nameField())).toList();
    }

    /** How names become ids; null for an array whose rows are not named by a name table. */
    public Naming<E> naming() {
        return naming;
    }

    public Table table() {
        return table;
    }

    /** Whether the rows are stored with each snapshot (rather than describe the present, kept from the newest). */
    public boolean perSnapshot() {
        return perSnapshot != null;
    }

    /** The sequence the rows' ids come from (as the entity declares it), for rows stored with each snapshot. */
    public String idSequence() {
        return Mapping.idSequence(entity);
    }

    /** How a row stored with each snapshot belongs to it; null for the arrays about the present. */
    public PerSnapshot<E> perSnapshotRows() {
        return perSnapshot;
    }

    /** Whether the rows say what is true now, so only the system's newest post's rows are kept. */
    public boolean ofNewestOnly() {
        return !perSnapshot();
    }

    /** What makes two rows of a post the same ("queue_name 'main'"), for a duplicate's error; null when unnamed. */
    public String identity(E row) {
        return identity.apply(row);
    }

    /** The name of a row's name, read back ("derecho1"); null for arrays without names. */
    public String nameOf(E row) {
        return naming == null ? null : (String) naming.nameField().getter().apply(row);
    }

    /** Sets a row's name as read back, from its name id. */
    public void setName(E row, String name) {
        naming.nameField().setter().accept(row, name);
    }

    /** The ingest answer's list of a per-snapshot array's row ids: "login_node_ids", "queue_ids", "node_ids". */
    public String idsJsonName() {
        return jsonName.substring(0, jsonName.length() - 1) + "_ids";
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
