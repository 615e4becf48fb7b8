package org.hpcstatus.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.kind.Partition;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.Snapshot;

/**
 * Derives a system's overall state, in this order (the README states the same rules):
 * <ol>
 * <li>an active outage of a "down" severity (default: critical): DOWN, whatever the collector says;</li>
 * <li>an active maintenance outage (its start has come): MAINTENANCE;</li>
 * <li>no snapshot yet: NO_DATA; the newest snapshot older than the system's threshold: STALE;</li>
 * <li>DOWN when the service reports itself unavailable (JupyterHub), no login node is available, or every compute
 * node is down;</li>
 * <li>DEGRADED when any login node or filesystem is unavailable or degraded, at least the configured share of a
 * partition's nodes is down, or any other outage is active;</li>
 * <li>otherwise OPERATIONAL.</li>
 * </ol>
 * How busy a system is never enters: collectors' "available" nodes are idle nodes, and a machine with none idle is
 * working, not failing. A partition whose collector counted no nodes (its node query failed: the deployed collectors
 * then send 0, ours null) is not judged; the verdict notes that node data is missing instead. Outages whose start lies
 * ahead change nothing yet.
 * What a kind reports about itself (its partitions, its own service flag) comes from its {@link KindProfile}.
 */
@ApplicationScoped
public class StateRules {

    static final String NODE_DATA_MISSING = "Node data missing: the collector could not count the nodes";

    /** How the warning that a post's activity figures all dropped to 0 at once begins (ingest.SuddenDrop). */
    public static final String DROPPED_FIGURES = "Figures missing or collector error: ";

    /** The post's warning that its figures all dropped to 0 at once, as a failed command makes them; null if none. */
    public static String droppedFigures(Snapshot snapshot) {
        return snapshot.warnings == null ? null : Arrays.stream(snapshot.warnings.split("\n"))
                .filter(w -> w.startsWith(DROPPED_FIGURES)).findFirst().orElse(null);
    }

    /**
     * The state and the reasons for it, in words, for people; notes are facts worth showing that do not change the
     * state (node data missing).
     */
    public record Verdict(SystemState state, List<String> reasons, List<String> notes) {

        Verdict(SystemState state, List<String> reasons) {
            this(state, reasons, List.of());
        }
    }

    @Inject
    StatusConfig config;

    public Verdict judge(LatestSnapshot latest, Freshness freshness, List<Outage> outages, Instant now) {
        List<Outage> active = outages.stream().filter(o -> o.startTime == null || !o.startTime.isAfter(now)).toList();
        List<String> downSeverities = config.dashboard().downOutageSeverities();
        List<String> down = reasons(active.stream().filter(o -> downSeverities.contains(o.severity)).toList());
        if (!down.isEmpty()) {
            return new Verdict(SystemState.DOWN, down);
        }
        List<String> maintenance = reasons(active.stream().filter(o -> Outage.MAINTENANCE.equals(o.severity)).toList());
        if (!maintenance.isEmpty()) {
            return new Verdict(SystemState.MAINTENANCE, maintenance);
        }
        if (freshness == Freshness.NO_DATA || latest == null) {
            return new Verdict(SystemState.NO_DATA, List.of("No data received yet"));
        }
        if (freshness == Freshness.STALE) {
            return new Verdict(SystemState.STALE, List.of("The latest figures are out of date"));
        }
        Snapshot s = latest.snapshot();
        KindProfile kind = KindProfile.of(latest.system().kind());
        List<String> notes = new ArrayList<>();
        Optional<Partition> compute = kind.computeNodes(s);
        if (compute.isPresent() && !compute.get().counted()) {
            notes.add(NODE_DATA_MISSING);
        }
        List<String> reasons = new ArrayList<>(kind.selfReportedDown(s));
        String dropped = droppedFigures(s);
        if (!latest.loginNodes().isEmpty() && latest.loginNodes().stream().noneMatch(n -> n.available)) {
            reasons.add("No login node is available");
        }
        if (compute.isPresent() && compute.get().allDown()) {
            reasons.add("All " + compute.get().total() + " compute nodes are down");
        }
        if (!reasons.isEmpty()) {
            return new Verdict(SystemState.DOWN, reasons, notes);
        }
        latest.loginNodes().stream().filter(n -> !n.available || n.degraded).forEach(n -> reasons
                .add("Login node " + n.nodeName + (n.available ? " is degraded" : " is unavailable")));
        latest.filesystems().stream().filter(f -> !f.available || f.degraded).forEach(f -> reasons
                .add("Filesystem " + f.filesystemName + (f.available ? " is degraded" : " is unavailable")));
        if (dropped != null) {
            reasons.add(dropped); // not a quiet system: its collector's command failed, or the figures are missing
        }
        int threshold = config.dashboard().degradedAtDownPercent();
        for (Partition partition : kind.judgedPartitions(s)) {
            if (partition.downAtLeast(threshold)) {
                reasons.add(partition.label() + ": " + partition.down() + " of " + partition.total() + " down");
            }
        }
        reasons.addAll(reasons(active));
        return new Verdict(reasons.isEmpty() ? SystemState.OPERATIONAL : SystemState.DEGRADED, reasons, notes);
    }

    private static List<String> reasons(List<Outage> outages) {
        return outages.stream().map(o -> capitalise(o.severity) + " outage: " + o.title).toList();
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
