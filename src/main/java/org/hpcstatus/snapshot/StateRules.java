package org.hpcstatus.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.outage.Outage;

/**
 * Derives a system's overall state, in this order (the README states the same rules):
 * <ol>
 * <li>an active outage of a "down" severity (default: critical): DOWN, whatever the collector says;</li>
 * <li>no snapshot yet: NO_DATA; the newest snapshot older than the system's threshold: STALE;</li>
 * <li>DOWN when the service reports itself unavailable (JupyterHub), no login node is available, or no compute node
 * is available;</li>
 * <li>DEGRADED when any login node or filesystem is unavailable or degraded, a partition has fewer than the
 * configured percent of its nodes available, or any other outage is active;</li>
 * <li>otherwise OPERATIONAL.</li>
 * </ol>
 * What a kind reports about itself (its partitions, its own service flag) comes from its {@link KindProfile}.
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
        KindProfile kind = KindProfile.of(latest.system().kind());
        reasons.addAll(kind.selfReportedDown(s));
        if (!latest.loginNodes().isEmpty() && latest.loginNodes().stream().noneMatch(n -> n.available)) {
            reasons.add("No login node is available");
        }
        Optional<Partition> compute = kind.computeNodes(s);
        if (compute.isPresent() && compute.get().available() != null && compute.get().total() != null
                && compute.get().total() > 0 && compute.get().available() == 0) {
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
        for (Partition partition : kind.judgedPartitions(s)) {
            Integer available = partition.available();
            Integer total = partition.total();
            if (available != null && total != null && total > 0 && available * 100L < (long) total * threshold) {
                reasons.add(partition.label() + ": only " + available + " of " + total + " available");
            }
        }
        for (Outage outage : activeOutages) {
            reasons.add(capitalise(outage.severity) + " outage: " + outage.title);
        }
        return new Verdict(reasons.isEmpty() ? SystemState.OPERATIONAL : SystemState.DEGRADED, reasons);
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
