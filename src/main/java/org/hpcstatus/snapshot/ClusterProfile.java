package org.hpcstatus.snapshot;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hpcstatus.contract.Field;

/** A Derecho-shaped cluster: CPU and GPU partitions, login nodes typed cpu, gpu or data-access. */
final class ClusterProfile implements KindProfile {

    static final ClusterProfile INSTANCE = new ClusterProfile();

    /** Both partitions' totals and availability are required, the rest is optional. */
    private static final List<Field<Snapshot>> FIELDS = SnapshotFields.concat(
            SnapshotFields.PARTITIONS.stream()
                    .map(f -> f.name().endsWith("_total") || f.name().endsWith("_available") ? f.mandatory() : f).toList(),
            SnapshotFields.UTILIZATION, SnapshotFields.JOBS);

    private static final Set<ChildArray> ARRAYS = Collections.unmodifiableSet(
            EnumSet.of(ChildArray.LOGIN_NODES, ChildArray.QUEUES, ChildArray.FILESYSTEMS));

    private static final Map<String, String> LOGIN_NODE_HEADINGS = Map.of(
            "cpu", "CPU login nodes", "gpu", "GPU login nodes", "data-access", "Data-access nodes");

    private ClusterProfile() {
    }

    @Override
    public List<Field<Snapshot>> fields() {
        return FIELDS;
    }

    @Override
    public Set<ChildArray> arrays() {
        return ARRAYS;
    }

    @Override
    public List<Field<LoginNodeStatus>> loginNodeFields() {
        return SnapshotFields.TYPED_LOGIN_NODE;
    }

    @Override
    public List<Partition> partitions(Snapshot s) {
        return List.of(new Partition("CPU nodes", s.cpuNodesAvailable, s.cpuNodesTotal),
                new Partition("GPU nodes", s.gpuNodesAvailable, s.gpuNodesTotal));
    }

    @Override
    public Optional<Partition> computeNodes(Snapshot s) {
        return Optional.of(new Partition("Compute nodes", Counts.sum(s.cpuNodesAvailable, s.gpuNodesAvailable),
                Counts.sum(s.cpuNodesTotal, s.gpuNodesTotal)));
    }

    @Override
    public List<Figure> headline(Snapshot s) {
        return List.of(new Figure("Running jobs", s.runningJobs), new Figure("Pending jobs", s.pendingJobs),
                new Figure("Active users", s.activeUsers));
    }

    @Override
    public List<Utilization> utilization(Snapshot s) {
        return List.of(new Utilization("CPU", s.cpuUtilizationPercent), new Utilization("GPU", s.gpuUtilizationPercent));
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
