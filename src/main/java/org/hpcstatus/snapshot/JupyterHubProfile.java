package org.hpcstatus.snapshot;

import static org.hpcstatus.contract.Field.count;
import static org.hpcstatus.contract.Field.flag;
import static org.hpcstatus.contract.Field.percent;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hpcstatus.contract.Field;

/** A JupyterHub: whether the service is up, its users and sessions; no nodes, queues or filesystems. */
final class JupyterHubProfile implements KindProfile {

    static final JupyterHubProfile INSTANCE = new JupyterHubProfile();

    private static final List<Field<Snapshot>> FIELDS = List.of(
            // Optional: the deployed hub collector never sends it. Absent is stored as "not reported" (null), not
            // as up; the hub is then judged by the rest (its collector answering, outages).
            flag("available", s -> s.available, (s, v) -> s.available = v),
            count("active_users", (Snapshot s) -> s.activeUsers, (s, v) -> s.activeUsers = v).mandatory(),
            count("active_sessions", (Snapshot s) -> s.activeSessions, (s, v) -> s.activeSessions = v).mandatory(),
            percent("cpu_utilization_percent", s -> s.cpuUtilizationPercent, (s, v) -> s.cpuUtilizationPercent = v),
            percent("memory_utilization_percent", s -> s.memoryUtilizationPercent, (s, v) -> s.memoryUtilizationPercent = v));

    private JupyterHubProfile() {
    }

    @Override
    public List<Field<Snapshot>> fields() {
        return FIELDS;
    }

    @Override
    public Set<ChildArray> arrays() {
        return Set.of();
    }

    @Override
    public List<Partition> partitions(Snapshot s) {
        return List.of();
    }

    @Override
    public Optional<Partition> computeNodes(Snapshot s) {
        return Optional.empty();
    }

    @Override
    public List<String> selfReportedDown(Snapshot s) {
        return Boolean.FALSE.equals(s.available) ? List.of("The service is not available") : List.of();
    }

    @Override
    public boolean reportsServiceState() {
        return true;
    }

    @Override
    public Boolean serviceAvailable(Snapshot s) {
        return s.available;
    }

    @Override
    public List<Figure> headline(Snapshot s) {
        return List.of(new Figure("Active users", s.activeUsers), new Figure("Running servers", s.activeSessions));
    }

    @Override
    public List<Utilization> utilization(Snapshot s) {
        return List.of(new Utilization("CPU", s.cpuUtilizationPercent), new Utilization("Memory", s.memoryUtilizationPercent));
    }
}
