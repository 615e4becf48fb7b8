package org.hpcstatus.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hpcstatus.contract.Field;
import org.hpcstatus.snapshot.Snapshot;

/**
 * Figures a collector sent as zeros because the command behind them failed. The deployed PBS collectors post every
 * count of a node query that failed as 0 (pbsnodes down: "0 nodes, 0 of 0 cores, 0.0 %"). No machine has no nodes at
 * all, so when every node count of a post is 0, each group of figures whose total is 0 and whose other figures are 0
 * or absent says "not collected", and is stored as such: null, a gap in every chart, roll-up and gauge, never a zero.
 * A machine with nodes may well have no GPUs: its zeros stand. Each group cleared is said in the post's warnings.
 */
final class ZeroedFigures {

    /** Figures that stand or fall together, the total first; a kind has some of them. */
    private static final List<List<String>> GROUPS = List.of(
            List.of("cpu_nodes_total", "cpu_nodes_available", "cpu_nodes_down", "cpu_nodes_reserved"),
            List.of("gpu_nodes_total", "gpu_nodes_available", "gpu_nodes_down", "gpu_nodes_reserved"),
            List.of("viz_nodes_total", "viz_nodes_available", "viz_nodes_down", "viz_nodes_reserved"),
            List.of("compute_nodes_total", "compute_nodes_available", "compute_nodes_down"),
            List.of("nodes_total", "nodes_free", "nodes_busy", "nodes_down"),
            List.of("cpu_cores_total", "cpu_cores_allocated", "cpu_cores_idle", "cpu_utilization_percent"),
            List.of("gpu_count_total", "gpu_count_allocated", "gpu_count_idle", "gpu_utilization_percent"),
            List.of("viz_count_total", "viz_count_allocated", "viz_count_idle", "viz_utilization_percent"),
            List.of("memory_total_gb", "memory_allocated_gb", "memory_free_gb", "memory_used_gb",
                    "memory_utilization_percent"),
            List.of("cpus_total", "cpus_free", "cpus_used", "cpu_utilization_percent"),
            List.of("gpus_total", "gpus_free", "gpus_used", "gpu_utilization_percent"));

    /** The node totals of every kind: all of those sent at 0 is a node query that failed. */
    private static final List<String> NODE_TOTALS = List.of("cpu_nodes_total", "gpu_nodes_total", "viz_nodes_total",
            "compute_nodes_total", "nodes_total");

    private ZeroedFigures() {
    }

    /** Clears each all-zero group among {@code fields} in {@code snapshot}; returns the warning that says which. */
    static List<String> clear(Snapshot snapshot, List<Field<Snapshot>> fields) {
        Map<String, Field<Snapshot>> byName = fields.stream().collect(Collectors.toMap(Field::name, Function.identity(),
                (a, b) -> a));
        List<String> cleared = new ArrayList<>();
        List<Object> nodeTotals = NODE_TOTALS.stream().map(byName::get).filter(f -> f != null)
                .map(f -> f.getter().apply(snapshot)).toList();
        if (nodeTotals.isEmpty() || !nodeTotals.stream().allMatch(ZeroedFigures::isZero)) {
            return List.of(); // nodes were counted (or not sent): its zeros are figures, not a failure
        }
        for (List<String> group : GROUPS) {
            Field<Snapshot> total = byName.get(group.get(0));
            if (total == null || !isZero(total.getter().apply(snapshot))) {
                continue;
            }
            List<Field<Snapshot>> members = group.stream().map(byName::get).filter(f -> f != null).toList();
            if (members.stream().map(f -> f.getter().apply(snapshot)).allMatch(v -> v == null || isZero(v))) {
                members.forEach(f -> f.setter().accept(snapshot, null));
                cleared.add(group.get(0).replace("_total_gb", "_*").replace("_total", "_*"));
            }
        }
        return cleared.isEmpty() ? List.of() : List.of("Every node count was 0 (the node query failed): "
                + String.join(", ", cleared) + " stored as not collected");
    }

    private static boolean isZero(Object value) {
        return value instanceof Number number && number.doubleValue() == 0;
    }
}
