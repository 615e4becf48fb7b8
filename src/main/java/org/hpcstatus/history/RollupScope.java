package org.hpcstatus.history;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hpcstatus.contract.Field;
import org.hpcstatus.contract.FieldType;
import org.hpcstatus.snapshot.KindProfile;
import org.hpcstatus.snapshot.SnapshotFields;
import org.hpcstatus.system.SystemKind;

/**
 * What a series belongs to: the system itself, or one of its queues, filesystems, login nodes, node types or hub
 * nodes (each a child table of status_snapshot and a lookup table of names, alike in shape). Its metrics are the
 * numeric fields the payload carries there, by their own names; a flag (a login node's "available") is a 0/1 series
 * whose average is the share of the time it was true.
 */
public enum RollupScope {
    SYSTEM(null, null),
    QUEUE("queue_status", "batch_queue"),
    FILESYSTEM("filesystem_status", "filesystem"),
    LOGIN_NODE("login_node_status", "login_node"),
    NODE_TYPE("node_type_status", "node_type"),
    HUB_NODE("hub_node_status", "hub_node");

    /** The system scope's count of snapshots per bucket, so that a gap shows. */
    public static final String SNAPSHOTS = "snapshots";

    private static final Set<FieldType> NUMERIC = Set.of(FieldType.COUNT, FieldType.LARGE_COUNT, FieldType.PERCENT,
            FieldType.AMOUNT, FieldType.FLAG);

    private final String childTable;
    private final String lookupTable;

    RollupScope(String childTable, String lookupTable) {
        this.childTable = childTable;
        this.lookupTable = lookupTable;
    }

    /** As stored in rollup.scope and named in the history API's query ("queue", "login_node"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RollupScope> ofKey(String key) {
        for (RollupScope scope : values()) {
            if (scope.key().equals(key)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    public boolean isSystem() {
        return childTable == null;
    }

    String childTable() {
        return childTable;
    }

    String lookupTable() {
        return lookupTable;
    }

    /** The lookup's id column, which the child table carries under the same name. */
    String lookupId() {
        return lookupTable.equals("batch_queue") ? "queue_id" : lookupTable + "_id";
    }

    /** The numeric fields of this scope for a system of {@code kind}, as (name, column, is-a-flag). */
    public List<Metric> metrics(SystemKind kind) {
        KindProfile profile = KindProfile.of(kind);
        List<? extends Field<?>> fields = switch (this) {
            case SYSTEM -> profile.fields();
            case QUEUE -> SnapshotFields.QUEUE;
            case FILESYSTEM -> SnapshotFields.FILESYSTEM;
            case LOGIN_NODE -> profile.loginNodeFields();
            case NODE_TYPE -> SnapshotFields.NODE_TYPE;
            case HUB_NODE -> SnapshotFields.HUB_NODE;
        };
        return fields.stream().filter(f -> NUMERIC.contains(f.type()))
                .map(f -> new Metric(f.name(), f.column(), f.type() == FieldType.FLAG)).distinct().toList();
    }

    /** One metric: its JSON name, its column, and whether it is a flag (read as 1 or 0). */
    public record Metric(String name, String column, boolean flag) {

        /** The SQL value of this metric in a row aliased {@code alias}. */
        String expression(String alias) {
            String column = alias + "." + column();
            return flag ? "CASE WHEN " + column + " THEN 1.0 WHEN NOT " + column + " THEN 0.0 END" : column;
        }
    }
}
