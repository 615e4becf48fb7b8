package org.hpcstatus.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hpcstatus.contract.Field;
import org.hpcstatus.contract.PayloadReader;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.SnapshotFields;

/**
 * A Casper-shaped cluster: aggregate compute nodes, or the CPU, GPU and visualization partitions they are summed
 * from, plus a breakdown by node type.
 */
final class HeterogeneousClusterProfile implements KindProfile {

    static final HeterogeneousClusterProfile INSTANCE = new HeterogeneousClusterProfile();

    /** compute_nodes_total/available are required unless the partitions are sent instead: see {@link #derive}. */
    private static final List<Field<Snapshot>> FIELDS = SnapshotFields.concat(SnapshotFields.COMPUTE_NODES,
            SnapshotFields.PARTITIONS, SnapshotFields.VIZ_PARTITION, SnapshotFields.UTILIZATION, SnapshotFields.JOBS);

    private static final List<ChildArray<?>> ARRAYS = List.of(ChildArray.LOGIN_NODES, ChildArray.QUEUES,
            ChildArray.FILESYSTEMS, ChildArray.NODE_TYPES, ChildArray.QUEUE_DEFINITIONS, ChildArray.RESERVATIONS,
            ChildArray.USER_LOADS);

    private HeterogeneousClusterProfile() {
    }

    /** Jobs share its nodes: "available" nodes are those with free cores. */
    @Override
    public boolean sharesNodes() {
        return true;
    }

    @Override
    public String exampleSystem() {
        return "Casper";
    }

    @Override
    public List<Field<Snapshot>> fields() {
        return FIELDS;
    }

    @Override
    public List<ChildArray<?>> arrays() {
        return ARRAYS;
    }

    /**
     * Deployed Casper collectors send Derecho-style partition fields instead of the guide's compute_nodes_* and
     * aggregate percents; the dashboard needs the aggregates, so they are summed from the partitions when absent.
     */
    @Override
    public void derive(Snapshot s, PayloadReader reader) {
        if (s.computeNodesTotal == null) {
            s.computeNodesTotal = Counts.sum(s.cpuNodesTotal, s.gpuNodesTotal, s.vizNodesTotal);
        }
        if (s.computeNodesAvailable == null) {
            s.computeNodesAvailable = Counts.sum(s.cpuNodesAvailable, s.gpuNodesAvailable, s.vizNodesAvailable);
        }
        if (s.computeNodesDown == null) {
            s.computeNodesDown = Counts.sum(s.cpuNodesDown, s.gpuNodesDown, s.vizNodesDown);
        }
        // Sent as null, the collector says its node query failed: accepted, and shown as node data missing.
        if (s.computeNodesTotal == null && !reader.sentNull("compute_nodes_total")) {
            reader.missing("compute_nodes_total (or cpu_nodes_total/gpu_nodes_total/viz_nodes_total)");
        }
        if (s.computeNodesAvailable == null && !reader.sentNull("compute_nodes_available")) {
            reader.missing("compute_nodes_available (or cpu_nodes_available/gpu_nodes_available/viz_nodes_available)");
        }
        if (s.cpuUtilizationPercent == null) {
            s.cpuUtilizationPercent = Counts.percent(s.cpuCoresAllocated, s.cpuCoresTotal);
        }
        if (s.gpuUtilizationPercent == null) {
            s.gpuUtilizationPercent = Counts.percent(s.gpuCountAllocated, s.gpuCountTotal);
        }
        if (s.memoryUtilizationPercent == null && s.memoryAllocatedGb != null && s.memoryTotalGb != null
                && s.memoryTotalGb > 0) {
            s.memoryUtilizationPercent = Math.min(100.0, Math.round(1000.0 * s.memoryAllocatedGb / s.memoryTotalGb) / 10.0);
        }
    }

    /** The aggregate first, then each partition the collector reported. */
    @Override
    public List<ChartSpec> charts() {
        return List.of(PartitionKind.COMPUTE.chart(true), ChartSpec.UTILIZATION, ChartSpec.JOBS);
    }

    @Override
    public List<Partition> partitions(Snapshot s) {
        List<Partition> partitions = new ArrayList<>(judgedPartitions(s));
        if (s.vizNodesTotal != null) {
            partitions.add(PartitionKind.VIZ.of(s));
        }
        return partitions;
    }

    /** The aggregate and the CPU and GPU partitions; the visualization nodes are shown but not judged. */
    @Override
    public List<Partition> judgedPartitions(Snapshot s) {
        List<Partition> judged = new ArrayList<>();
        judged.add(computeNodes(s).orElseThrow());
        if (s.cpuNodesTotal != null) {
            judged.add(PartitionKind.CPU.of(s));
        }
        if (s.gpuNodesTotal != null) {
            judged.add(PartitionKind.GPU.of(s));
        }
        return judged;
    }

    @Override
    public Optional<Partition> computeNodes(Snapshot s) {
        return Optional.of(new Partition(PartitionKind.COMPUTE, s.computeNodesTotal, s.computeNodesAvailable,
                s.computeNodesDown, Counts.sum(s.cpuNodesReserved, s.gpuNodesReserved, s.vizNodesReserved)));
    }

    @Override
    public List<Figure> headline(Snapshot s) {
        return ClusterProfile.INSTANCE.headline(s);
    }

    @Override
    public List<Utilization> utilization(Snapshot s) {
        return ClusterProfile.INSTANCE.utilization(s);
    }

    @Override
    public List<Utilization> detailUtilization(Snapshot s) {
        return Counts.clusterDetail(utilization(s), s);
    }
}
