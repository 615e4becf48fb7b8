package org.hpcstatus.kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hpcstatus.contract.Field;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.system.SystemKind;

/**
 * The partitions a system's nodes are counted in, each defined once: the key its page and its metric label use, the
 * label people read, and the snapshot fields that count its nodes by state. The kinds' profiles, the state rules, the
 * pages, the charts and the metrics all take partitions from here.
 */
public enum PartitionKind {
    CPU("cpu", "CPU nodes", "cpu_nodes_total", "cpu_nodes_available", "cpu_nodes_down", "cpu_nodes_reserved", null),
    GPU("gpu", "GPU nodes", "gpu_nodes_total", "gpu_nodes_available", "gpu_nodes_down", "gpu_nodes_reserved", null),
    VIZ("viz", "Visualization nodes", "viz_nodes_total", "viz_nodes_available", "viz_nodes_down", "viz_nodes_reserved",
            null),
    /** Every compute node of a Casper-shaped cluster (on a Derecho-shaped one, CPU and GPU together, not stored). */
    COMPUTE("compute", "Compute nodes", "compute_nodes_total", "compute_nodes_available", "compute_nodes_down", null,
            null),
    /** The nodes a JupyterHub's sessions run on; its collector counts the busy ones itself. */
    HUB("hub", "Hub nodes", "nodes_total", "nodes_free", "nodes_down", null, "nodes_busy");

    /** As a partition's page and the metrics' partition label name it. */
    public final String key;
    /** As the pages show it. */
    public final String label;
    /** The snapshot fields that count the partition's nodes (null: not collected for this partition). */
    public final String total;
    public final String idle;
    public final String down;
    public final String reserved;
    public final String busy;

    /** Every count field of any kind, by name, to read a partition's counts from a snapshot. */
    private static final Map<String, Field<Snapshot>> FIELDS = Arrays.stream(SystemKind.values())
            .flatMap(kind -> KindProfile.of(kind).fields().stream())
            .collect(Collectors.toMap(Field::name, Function.identity(), (a, b) -> a));

    PartitionKind(String key, String label, String total, String idle, String down, String reserved, String busy) {
        this.key = key;
        this.label = label;
        this.total = total;
        this.idle = idle;
        this.down = down;
        this.reserved = reserved;
        this.busy = busy;
    }

    /** The partition's counts as a snapshot stored them. */
    public Partition of(Snapshot snapshot) {
        return new Partition(this, count(snapshot, total), count(snapshot, idle), count(snapshot, down),
                count(snapshot, reserved));
    }

    private static Integer count(Snapshot snapshot, String field) {
        return field == null ? null : (Integer) FIELDS.get(field).getter().apply(snapshot);
    }

    /**
     * The chart of the partition's nodes by state: busy where counted, idle, down, reserved; where jobs share nodes
     * ({@link KindProfile#sharesNodes}), full and with free cores.
     */
    public ChartSpec chart(boolean sharedNodes) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        if (busy != null) {
            lines.add(Map.entry(busy, sharedNodes ? "full" : "busy"));
        }
        lines.add(Map.entry(idle, sharedNodes ? "with free cores" : "idle"));
        lines.add(Map.entry(down, "down"));
        if (reserved != null) {
            lines.add(Map.entry(reserved, "reserved"));
        }
        return new ChartSpec(label, "nodes", false, lines);
    }

    /** The partitions a system of this kind stores the node counts of: those with a page and a chart. */
    public static List<PartitionKind> storedBy(SystemKind kind) {
        List<String> names = KindProfile.of(kind).fields().stream().map(Field::name).toList();
        return Arrays.stream(values()).filter(p -> names.contains(p.idle) && names.contains(p.down)).toList();
    }

    public static Optional<PartitionKind> ofKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
