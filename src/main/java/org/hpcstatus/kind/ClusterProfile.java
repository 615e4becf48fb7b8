package org.hpcstatus.kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hpcstatus.contract.Field;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.SnapshotFields;

/** A Derecho-shaped cluster: CPU and GPU partitions, login nodes typed cpu, gpu or data-access. */
final class ClusterProfile implements KindProfile {

    static final ClusterProfile INSTANCE = new ClusterProfile();

    /**
     * Both partitions' totals and availability are required (null where the collector's node query failed), the
     * rest is optional.
     */
    private static final List<Field<Snapshot>> FIELDS = SnapshotFields.concat(
            SnapshotFields.PARTITIONS.stream().map(f -> f.name().endsWith("_total") || f.name().endsWith("_available")
                    ? f.mandatoryOrNotCollected() : f).toList(),
            SnapshotFields.UTILIZATION, SnapshotFields.JOBS);

    private static final List<ChildArray<?>> ARRAYS = List.of(ChildArray.LOGIN_NODES, ChildArray.QUEUES,
            ChildArray.FILESYSTEMS, ChildArray.QUEUE_DEFINITIONS, ChildArray.RESERVATIONS, ChildArray.USER_LOADS);

    private static final Map<String, String> LOGIN_NODE_HEADINGS = Map.of(
            "cpu", "CPU login nodes", "gpu", "GPU login nodes", "data-access", "Data-access nodes");

    private ClusterProfile() {
    }

    @Override
    public String exampleSystem() {
        return "Derecho";
    }

    @Override
    public List<Field<Snapshot>> fields() {
        return FIELDS;
    }

    @Override
    public List<ChildArray<?>> arrays() {
        return ARRAYS;
    }

    /** Derecho's login nodes must say whether they are CPU, GPU or data-access nodes (a column all kinds have). */
    @Override
    @SuppressWarnings("unchecked") // the login nodes' fields are a ChildArray<LoginNodeStatus>'s
    public <E> List<Field<E>> fieldsOf(ChildArray<E> array) {
        return array == ChildArray.LOGIN_NODES ? (List<Field<E>>) (List<?>) SnapshotFields.TYPED_LOGIN_NODE
                : array.fields();
    }

    @Override
    public List<ChartSpec> charts() {
        return List.of(PartitionKind.CPU.chart(false), PartitionKind.GPU.chart(false), ChartSpec.UTILIZATION, ChartSpec.JOBS);
    }

    @Override
    public List<Partition> partitions(Snapshot s) {
        return List.of(PartitionKind.CPU.of(s), PartitionKind.GPU.of(s));
    }

    /** CPU and GPU nodes together: counted, never stored. */
    @Override
    public Optional<Partition> computeNodes(Snapshot s) {
        return Optional.of(new Partition(PartitionKind.COMPUTE, Counts.sum(s.cpuNodesTotal, s.gpuNodesTotal),
                Counts.sum(s.cpuNodesAvailable, s.gpuNodesAvailable), Counts.sum(s.cpuNodesDown, s.gpuNodesDown),
                Counts.sum(s.cpuNodesReserved, s.gpuNodesReserved)));
    }

    @Override
    public List<Figure> headline(Snapshot s) {
        List<Figure> figures = new ArrayList<>(List.of(new Figure("Running jobs", s.runningJobs),
                new Figure("Pending jobs", s.pendingJobs)));
        if (s.heldJobs != null) {
            figures.add(new Figure("Held jobs", s.heldJobs));
        }
        figures.add(new Figure("Active users", s.activeUsers));
        return figures;
    }

    @Override
    public List<Utilization> utilization(Snapshot s) {
        return List.of(Utilization.of("CPU", s.cpuUtilizationPercent, s.cpuCoresAllocated, s.cpuCoresTotal, "cores"),
                Utilization.of("GPU", s.gpuUtilizationPercent, s.gpuCountAllocated, s.gpuCountTotal, "GPUs"));
    }

    @Override
    public List<Utilization> detailUtilization(Snapshot s) {
        return Counts.clusterDetail(utilization(s), s);
    }

    @Override
    public Map<String, List<LoginNodeStatus>> loginNodeGroups(List<LoginNodeStatus> nodes) {
        Map<String, List<LoginNodeStatus>> groups = new LinkedHashMap<>();
        for (String type : SnapshotFields.LOGIN_NODE_TYPES) {
            List<LoginNodeStatus> ofType = nodes.stream().filter(n -> type.equals(n.nodeType)).toList();
            if (!ofType.isEmpty()) {
                groups.put(LOGIN_NODE_HEADINGS.get(type), ofType);
            }
        }
        return groups;
    }
}
