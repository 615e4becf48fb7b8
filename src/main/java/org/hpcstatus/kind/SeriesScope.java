package org.hpcstatus.kind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.hpcstatus.contract.Field;
import org.hpcstatus.contract.FieldType;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.system.NameTable;
import org.hpcstatus.system.SystemKind;

/**
 * What a history series belongs to (and a roll-up summary row): the system itself, or a named row of one of its per-snapshot arrays (a queue, filesystem,
 * login node, node type or hub node), one scope per such array of {@link ChildArray#PER_SNAPSHOT}. Its metrics are
 * the numeric fields the payload carries there, by their own names; a flag (a login node's "available") is a 0/1
 * series whose average is the share of the time it was true.
 */
public final class SeriesScope {

    /** The system scope's count of snapshots per bucket, so that a gap shows. */
    public static final String SNAPSHOTS = "snapshots";

    private static final Set<FieldType> NUMERIC = Set.of(FieldType.COUNT, FieldType.LARGE_COUNT, FieldType.PERCENT,
            FieldType.AMOUNT, FieldType.FLAG);

    public static final SeriesScope SYSTEM = new SeriesScope(null);

    /** The system, then a scope per array stored with each snapshot, in that order. */
    private static final List<SeriesScope> ALL = Stream.concat(Stream.of(SYSTEM),
            ChildArray.PER_SNAPSHOT.stream().map(SeriesScope::new)).toList();

    public static final SeriesScope QUEUE = of(ChildArray.QUEUES);
    public static final SeriesScope FILESYSTEM = of(ChildArray.FILESYSTEMS);
    public static final SeriesScope LOGIN_NODE = of(ChildArray.LOGIN_NODES);
    public static final SeriesScope NODE_TYPE = of(ChildArray.NODE_TYPES);

    /** Null for the system itself. */
    private final ChildArray<?> array;

    private SeriesScope(ChildArray<?> array) {
        this.array = array;
    }

    /** The scope of a per-snapshot array's rows. */
    public static SeriesScope of(ChildArray<?> array) {
        return ALL.stream().filter(scope -> scope.array == array).findFirst().orElseThrow();
    }

    public static List<SeriesScope> values() {
        return ALL;
    }

    /** As stored in rollup.scope and named in the history API's query ("queue", "login_node"). */
    public String key() {
        return isSystem() ? "system" : array.naming().names().key();
    }

    public static Optional<SeriesScope> ofKey(String key) {
        return ALL.stream().filter(scope -> scope.key().equals(key)).findFirst();
    }

    public boolean isSystem() {
        return array == null;
    }

    /** The array's own table, which carries the name's id under the name table's id column. */
    public String childTable() {
        return array.table().name();
    }

    /** The table of the names of this scope's rows. */
    public NameTable names() {
        return array.naming().names();
    }

    public String lookupTable() {
        return names().table;
    }

    public String lookupId() {
        return names().idColumn;
    }

    /** The numeric fields of this scope for a system of {@code kind}, as (name, column, is-a-flag). */
    public List<Metric> metrics(SystemKind kind) {
        KindProfile profile = KindProfile.of(kind);
        List<? extends Field<?>> fields = isSystem() ? profile.fields() : fieldsOf(profile, array);
        return fields.stream().filter(f -> NUMERIC.contains(f.type()))
                .map(f -> new Metric(f.name(), f.column(), f.type() == FieldType.FLAG)).distinct().toList();
    }

    private static <E> List<Field<E>> fieldsOf(KindProfile profile, ChildArray<E> array) {
        return profile.arrays().contains(array) ? profile.fieldsOf(array) : List.of();
    }

    @Override
    public String toString() {
        return key();
    }

    /** Receives a series' values as they are read: one raw value is 1 sample whose min, max and sum are itself. */
    public interface Values {
        void add(Instant at, String name, int samples, double min, double max, double sum);
    }

    /** One metric: its JSON name, its column, and whether it is a flag (read as 1 or 0). */
    public record Metric(String name, String column, boolean flag) {

        /** The SQL value of this metric in a row aliased {@code alias}. */
        public String expression(String alias) {
            String column = alias + "." + column();
            return flag ? "CASE WHEN " + column + " THEN 1.0 WHEN NOT " + column + " THEN 0.0 END" : column;
        }
    }
}
