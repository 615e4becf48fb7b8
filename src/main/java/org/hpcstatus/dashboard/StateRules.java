package org.hpcstatus.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.snapshot.Freshness;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.system.SystemKind;

/**
 * Derives a system's overall state, in this order (the README states the same rules):
 * <ol>
 * <li>an active outage of a "down" severity (default: critical): DOWN, whatever the collector says;</li>
 * <li>no snapshot yet: NO_DATA; the newest snapshot older than the system's threshold: STALE;</li>
 * <li>DOWN when the service is reported unavailable (JupyterHub), no login node is available, or no compute node
 * is available;</li>
 * <li>DEGRADED when any login node or filesystem is unavailable or degraded, a partition has fewer than the
 * configured percent of its nodes available, or any other outage is active;</li>
 * <li>otherwise OPERATIONAL.</li>
 * </ol>
 */
@ApplicationScoped
public class StateRules {

    /** The state and the reasons for it, in words, for people. */
    public record Verdict(SystemState state, List<String> reasons) {
    }

    @Inject
    StatusConfig config;

    public Verdict judge(LatestSnapshot latest, Freshness freshness, List<Outage> activeOutages) {
        List<String> reasons = new ArrayList<>();
        List<String> downSeverities = config.dashboard().downOutageSeverities();
        for (Outage outage : activeOutages) {
            if (downSeverities.contains(outage.severity)) {
                reasons.add(capitalise(outage.severity) + " outage: " + outage.title);
            }
        }
        if (!reasons.isEmpty()) {
            return new Verdict(SystemState.DOWN, reasons);
        }
        if (freshness == Freshness.NO_DATA || latest == null) {
            return new Verdict(SystemState.NO_DATA, List.of("No data received yet"));
        }
        if (freshness == Freshness.STALE) {
            return new Verdict(SystemState.STALE, List.of("The latest figures are out of date"));
        }
        Snapshot s = latest.snapshot();
        SystemKind kind = latest.system().kind();
        if (kind == SystemKind.JUPYTERHUB && Boolean.FALSE.equals(s.available)) {
            reasons.add("The service is not available");
        }
        if (!latest.loginNodes().isEmpty() && latest.loginNodes().stream().noneMatch(n -> n.available)) {
            reasons.add("No login node is available");
        }
        Integer availableNodes = kind == SystemKind.CLUSTER ? sum(s.cpuNodesAvailable, s.gpuNodesAvailable)
                : kind == SystemKind.HETEROGENEOUS_CLUSTER ? s.computeNodesAvailable : null;
        Integer totalNodes = kind == SystemKind.CLUSTER ? sum(s.cpuNodesTotal, s.gpuNodesTotal)
                : kind == SystemKind.HETEROGENEOUS_CLUSTER ? s.computeNodesTotal : null;
        if (availableNodes != null && totalNodes != null && totalNodes > 0 && availableNodes == 0) {
            reasons.add("No compute node is available");
        }
        if (!reasons.isEmpty()) {
            return new Verdict(SystemState.DOWN, reasons);
        }
        latest.loginNodes().stream().filter(n -> !n.available || n.degraded).forEach(n -> reasons
                .add("Login node " + n.nodeName + (n.available ? " is degraded" : " is unavailable")));
        latest.filesystems().stream().filter(f -> !f.available || f.degraded).forEach(f -> reasons
                .add("Filesystem " + f.filesystemName + (f.available ? " is degraded" : " is unavailable")));
        int threshold = config.dashboard().degradedBelowAvailablePercent();
        lowPartition(reasons, "CPU", s.cpuNodesAvailable, s.cpuNodesTotal, threshold);
        lowPartition(reasons, "GPU", s.gpuNodesAvailable, s.gpuNodesTotal, threshold);
        if (kind == SystemKind.HETEROGENEOUS_CLUSTER) {
            lowPartition(reasons, "Compute", s.computeNodesAvailable, s.computeNodesTotal, threshold);
        }
        for (Outage outage : activeOutages) {
            reasons.add(capitalise(outage.severity) + " outage: " + outage.title);
        }
        return new Verdict(reasons.isEmpty() ? SystemState.OPERATIONAL : SystemState.DEGRADED, reasons);
    }

    private static void lowPartition(List<String> reasons, String name, Integer available, Integer total, int percent) {
        if (available != null && total != null && total > 0 && available * 100L < (long) total * percent) {
            reasons.add(name + " nodes: only " + available + " of " + total + " available");
        }
    }

    private static Integer sum(Integer a, Integer b) {
        if (a == null && b == null) {
            return null;
        }
        return Objects.requireNonNullElse(a, 0) + Objects.requireNonNullElse(b, 0);
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
