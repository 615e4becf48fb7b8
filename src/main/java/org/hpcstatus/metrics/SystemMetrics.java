package org.hpcstatus.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.kind.Partition;
import org.hpcstatus.live.BoardWatch;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageFields;
import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.status.SystemState;
import org.hpcstatus.status.SystemStatus;

/**
 * Per-system gauges on /q/metrics, set from the boards the live watch looks at (every couple of seconds, on every
 * replica: each replica reports the same values, so a scrape of any one is enough). They are set again only when the
 * board changed; the snapshots' ages, which change with the clock alone, are read at each scrape. Queue, filesystem and login-node
 * names come from what collectors post: at most {@value #MAX_NAMES} of each per system are labelled (the rest are
 * left out and logged), so a collector posting invented names cannot blow up the series.
 */
@Singleton
public class SystemMetrics {

    static final int MAX_NAMES = 100;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final Map<String, MultiGauge> gauges = new HashMap<>();
    private final Map<String, Boolean> warnedAboutNames = new HashMap<>();

    private MultiGauge gauge(String name, String description, String unit) {
        return gauges.computeIfAbsent(name, n -> MultiGauge.builder(n).description(description).baseUnit(unit)
                .register(registry));
    }

    synchronized void onLook(@Observes BoardWatch.Looked look) {
        if (!look.changed()) {
            return;
        }
        StatusBoard.Board board = look.board();
        List<MultiGauge.Row<?>> age = new ArrayList<>();
        List<MultiGauge.Row<?>> state = new ArrayList<>();
        List<MultiGauge.Row<?>> nodes = new ArrayList<>();
        List<MultiGauge.Row<?>> utilization = new ArrayList<>();
        List<MultiGauge.Row<?>> jobs = new ArrayList<>();
        List<MultiGauge.Row<?>> queueJobs = new ArrayList<>();
        List<MultiGauge.Row<?>> queueCores = new ArrayList<>();
        List<MultiGauge.Row<?>> queueAllocated = new ArrayList<>();
        List<MultiGauge.Row<?>> queueWaits = new ArrayList<>();
        List<MultiGauge.Row<?>> filesystems = new ArrayList<>();
        List<MultiGauge.Row<?>> loginAvailable = new ArrayList<>();
        List<MultiGauge.Row<?>> loginLoad = new ArrayList<>();
        List<MultiGauge.Row<?>> hub = new ArrayList<>();
        for (SystemStatus status : board.systems()) {
            String system = status.system().name();
            Tags tags = Tags.of("system", system);
            for (SystemState s : SystemState.values()) {
                state.add(MultiGauge.Row.of(tags.and("state", s.jsonName()), s == status.verdict().state() ? 1 : 0));
            }
            if (status.latest() == null) {
                continue;
            }
            Instant observedAt = status.observedAt();
            age.add(MultiGauge.Row.of(tags, () -> Math.max(0, Duration.between(observedAt, clock.instant()).toSeconds())));
            Snapshot snap = status.latest().snapshot();
            for (Partition p : KindProfile.of(status.system().kind()).partitions(snap)) {
                if (!p.counted()) {
                    continue; // a failed node query posts 0 nodes: nothing to say, rather than "all idle"
                }
                Tags part = tags.and("partition", p.kind().key);
                add(nodes, part.and("state", "idle"), p.idle());
                add(nodes, part.and("state", "down"), p.down());
                add(nodes, part.and("state", "reserved"), p.reserved() == null ? 0 : p.reserved());
                add(nodes, part.and("state", "busy"), p.busy());
            }
            add(utilization, tags.and("resource", "cpu"), snap.cpuUtilizationPercent);
            add(utilization, tags.and("resource", "gpu"), snap.gpuUtilizationPercent);
            add(utilization, tags.and("resource", "memory"), snap.memoryUtilizationPercent);
            add(jobs, tags.and("state", "running"), snap.runningJobs);
            add(jobs, tags.and("state", "pending"), snap.pendingJobs);
            add(jobs, tags.and("state", "held"), snap.heldJobs);
            add(hub, tags.and("what", "active_users"), snap.activeUsers);
            add(hub, tags.and("what", "active_sessions"), snap.activeSessions);
            for (QueueStatus q : capped(system, "queues", status.latest().queues())) {
                Tags queue = tags.and("queue", q.queueName);
                add(queueJobs, queue.and("state", "running"), q.runningJobs);
                add(queueJobs, queue.and("state", "pending"), q.pendingJobs);
                add(queueJobs, queue.and("state", "held"), q.heldJobs);
                add(queueCores, queue.and("resource", "cores"), q.coresPending);
                add(queueCores, queue.and("resource", "gpus"), q.gpusPending);
                add(queueAllocated, queue.and("resource", "cores"), q.coresAllocated);
                add(queueAllocated, queue.and("resource", "gpus"), q.gpusAllocated);
                add(queueAllocated, queue.and("resource", "nodes"), q.nodesAllocated);
                add(queueWaits, queue.and("quantile", "0.5"), q.waitMedianMinutes);
                add(queueWaits, queue.and("quantile", "0.9"), q.waitP90Minutes);
            }
            for (FilesystemStatus f : capped(system, "filesystems", status.latest().filesystems())) {
                add(filesystems, tags.and("filesystem", f.filesystemName), f.utilizationPercent);
            }
            for (LoginNodeStatus n : capped(system, "login nodes", status.latest().loginNodes())) {
                Tags node = tags.and("login_node", n.nodeName);
                loginAvailable.add(MultiGauge.Row.of(node, n.available ? 1 : 0));
                add(loginLoad, node, n.load1min);
            }
        }
        Map<String, Integer> bySeverity = new HashMap<>();
        OutageFields.SEVERITIES.forEach(s -> bySeverity.put(s, 0));
        for (Outage o : board.activeOutages()) {
            bySeverity.merge(o.severity, 1, Integer::sum);
        }
        List<MultiGauge.Row<?>> outages = new ArrayList<>();
        bySeverity.forEach((severity, n) -> outages.add(MultiGauge.Row.of(Tags.of("severity", severity), n)));

        gauge("hpcstatus.snapshot.age", "Age of the system's latest snapshot", "seconds").register(age, true);
        gauge("hpcstatus.system.state", "1 for the system's current state, 0 for the others", null).register(state, true);
        gauge("hpcstatus.nodes", "Nodes by partition and state (busy, idle, down, reserved)", null).register(nodes, true);
        gauge("hpcstatus.utilization.percent", "CPU, GPU and memory utilization", null).register(utilization, true);
        gauge("hpcstatus.jobs", "Running, pending and held jobs", null).register(jobs, true);
        gauge("hpcstatus.queue.jobs", "Jobs per queue and state", null).register(queueJobs, true);
        gauge("hpcstatus.queue.pending", "Cores and GPUs the queue's pending jobs wait for", null).register(queueCores, true);
        gauge("hpcstatus.queue.allocated", "Cores, GPUs and nodes the queue's running jobs hold", null)
                .register(queueAllocated, true);
        gauge("hpcstatus.queue.wait.minutes", "Median and 90th percentile wait of the jobs that started in the last hour",
                null).register(queueWaits, true);
        gauge("hpcstatus.filesystem.utilization.percent", "Filesystem capacity used", null).register(filesystems, true);
        gauge("hpcstatus.login.node.available", "1 when the login node is available", null).register(loginAvailable, true);
        gauge("hpcstatus.login.node.load", "The login node's 1-minute load", null).register(loginLoad, true);
        gauge("hpcstatus.hub", "Active users (a cluster's with jobs, a JupyterHub's) and JupyterHub sessions", null)
                .register(hub, true);
        gauge("hpcstatus.outages.active", "Active outages by severity", null).register(outages, true);
    }

    private <T> List<T> capped(String system, String what, List<T> rows) {
        if (rows.size() <= MAX_NAMES) {
            return rows;
        }
        if (warnedAboutNames.put(system + what, true) == null) {
            Log.warnf("%s reported %d %s: metrics label the first %d only", system, rows.size(), what, MAX_NAMES);
        }
        return rows.subList(0, MAX_NAMES);
    }

    private static void add(List<MultiGauge.Row<?>> rows, Tags tags, Number value) {
        if (value != null) {
            rows.add(MultiGauge.Row.of(tags, value.doubleValue()));
        }
    }

}
