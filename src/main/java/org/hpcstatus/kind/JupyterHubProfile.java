package org.hpcstatus.kind;

import static org.hpcstatus.contract.Field.count;
import static org.hpcstatus.contract.Field.flag;
import static org.hpcstatus.contract.Field.percent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hpcstatus.contract.Field;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.SnapshotFields;

/** A JupyterHub: whether the service is up, its users and sessions; no nodes, queues or filesystems. */
final class JupyterHubProfile implements KindProfile {

    static final JupyterHubProfile INSTANCE = new JupyterHubProfile();

    private static final List<Field<Snapshot>> FIELDS = SnapshotFields.concat(List.of(
            // Optional: the deployed hub collector never sends it. Absent is stored as "not reported" (null), not
            // as up; the hub is then judged by the rest (its collector answering, its nodes, outages).
            flag("available", s -> s.available, (s, v) -> s.available = v),
            count("active_users", (Snapshot s) -> s.activeUsers, (s, v) -> s.activeUsers = v).mandatoryOrNotCollected(),
            count("active_sessions", (Snapshot s) -> s.activeSessions, (s, v) -> s.activeSessions = v)
                    .mandatoryOrNotCollected(),
            percent("cpu_utilization_percent", s -> s.cpuUtilizationPercent, (s, v) -> s.cpuUtilizationPercent = v),
            percent("memory_utilization_percent", s -> s.memoryUtilizationPercent, (s, v) -> s.memoryUtilizationPercent = v)),
            SnapshotFields.HUB_CAPACITY);

    private static final List<ChildArray<?>> ARRAYS = List.of(ChildArray.HUB_NODES);

    private JupyterHubProfile() {
    }

    @Override
    public List<String> activityFigures() {
        return List.of("active_users", "active_sessions", "jobs_running");
    }

    /** Jobs share its nodes: "available" nodes are those with free cores. */
    @Override
    public boolean sharesNodes() {
        return true;
    }

    @Override
    public String exampleSystem() {
        return "JupyterHub";
    }

    @Override
    public List<Field<Snapshot>> fields() {
        return FIELDS;
    }

    @Override
    public List<ChildArray<?>> arrays() {
        return ARRAYS;
    }

    /** A hub's users and sessions; its utilization with memory before GPU, as its card lists them. */
    @Override
    public List<ChartSpec> charts() {
        return List.of(new ChartSpec("Users and sessions", "", false, List.of(Map.entry("active_users", "users"),
                Map.entry("active_sessions", "sessions"))),
                new ChartSpec("Utilization", "%", true, List.of(Map.entry("cpu_utilization_percent", "CPU"),
                        Map.entry("memory_utilization_percent", "memory"),
                        Map.entry("gpu_utilization_percent", "GPU"))));
    }

    @Override
    public List<Partition> partitions(Snapshot s) {
        return s.nodesTotal == null ? List.of() : List.of(PartitionKind.HUB.of(s));
    }

    @Override
    public Optional<Partition> computeNodes(Snapshot s) {
        return s.nodesTotal == null ? Optional.empty() : Optional.of(PartitionKind.HUB.of(s));
    }

    @Override
    public List<String> selfReportedDown(Snapshot s) {
        return Boolean.FALSE.equals(s.available) ? List.of("The service is not available") : List.of();
    }

    @Override
    public boolean reportsServiceState() {
        return true;
    }

    /**
     * The hub's word on itself where the collector sent one (ours does). The deployed collector sends none: users,
     * running servers or jobs, or a node breakdown behind the hub, say it answers; nothing at all says nothing.
     */
    @Override
    public Boolean serviceAvailable(Snapshot s) {
        if (s.available != null) {
            return s.available;
        }
        return positive(s.activeUsers) || positive(s.activeSessions) || positive(s.jobsRunning) || positive(s.nodesTotal)
                ? Boolean.TRUE : null;
    }

    private static boolean positive(Integer count) {
        return count != null && count > 0;
    }

    @Override
    public List<Figure> headline(Snapshot s) {
        return List.of(new Figure("Active users", s.activeUsers), new Figure("Running servers", s.activeSessions));
    }

    @Override
    public List<Utilization> utilization(Snapshot s) {
        return List.of(Utilization.of("CPU", s.cpuUtilizationPercent, s.cpusUsed, s.cpusTotal, "CPUs"),
                new Utilization("Memory", s.memoryUtilizationPercent, s.memoryUsedGb, s.memoryTotalGb, "GB"));
    }

    /** The card's bars, and the GPUs when the hub has any. */
    @Override
    public List<Utilization> detailUtilization(Snapshot s) {
        List<Utilization> bars = new ArrayList<>(utilization(s));
        if (s.gpusTotal != null && s.gpusTotal > 0 || s.gpuUtilizationPercent != null) {
            bars.add(Utilization.of("GPU", s.gpuUtilizationPercent != null ? s.gpuUtilizationPercent
                    : Counts.percent(s.gpusUsed, s.gpusTotal), s.gpusUsed, s.gpusTotal, "GPUs"));
        }
        return bars;
    }

    /** What the hub's sessions run as: the jobs behind the servers, by where they run. */
    @Override
    public List<Figure> sessionBreakdown(Snapshot s) {
        if (s.jobsRunning == null && s.casperLoginJobs == null && s.casperBatchJobs == null && s.derechoBatchJobs == null
                && s.jobsSuspended == null) {
            return List.of();
        }
        return List.of(new Figure("Jobs running", s.jobsRunning), new Figure("On Casper login nodes", s.casperLoginJobs),
                new Figure("As Casper batch jobs", s.casperBatchJobs),
                new Figure("As Derecho batch jobs", s.derechoBatchJobs), new Figure("Broken sessions (no job id or state)", s.jobsSuspended));
    }
}
