package org.hpcstatus.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.ChildRows;
import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemKind;

/** The overall-state rules the README documents, one per test, on snapshots built in memory. */
@QuarkusTest
class StateRulesTests {

    private static final ConfiguredSystem CLUSTER = new ConfiguredSystem(1, "derecho", "Derecho", SystemKind.CLUSTER,
            Duration.ofMinutes(10), 1);
    private static final ConfiguredSystem CASPER = new ConfiguredSystem(2, "casper", "Casper",
            SystemKind.HETEROGENEOUS_CLUSTER, Duration.ofMinutes(10), 2);
    private static final ConfiguredSystem HUB = new ConfiguredSystem(3, "jupyterhub", "JupyterHub", SystemKind.JUPYTERHUB,
            Duration.ofMinutes(10), 3);

    @Inject
    StateRules rules;

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Snapshot healthyCluster() {
        Snapshot s = new Snapshot();
        s.cpuNodesTotal = 100;
        s.cpuNodesAvailable = 90;
        s.cpuNodesDown = 1;
        s.gpuNodesTotal = 10;
        s.gpuNodesAvailable = 9;
        s.gpuNodesDown = 0;
        return s;
    }

    private static LoginNodeStatus loginNode(String name, boolean available, boolean degraded) {
        LoginNodeStatus node = new LoginNodeStatus();
        node.nodeName = name;
        node.available = available;
        node.degraded = degraded;
        return node;
    }

    private static LatestSnapshot latest(Snapshot s, List<LoginNodeStatus> loginNodes, List<FilesystemStatus> filesystems) {
        return new LatestSnapshot(CLUSTER, s, new ChildRows().put(ChildArray.LOGIN_NODES, loginNodes)
                .put(ChildArray.FILESYSTEMS, filesystems));
    }

    private static Outage outage(String severity) {
        Outage outage = new Outage();
        outage.severity = severity;
        outage.title = "Something";
        outage.startTime = NOW.minusSeconds(3600);
        return outage;
    }

    private SystemState judge(LatestSnapshot latest, Freshness freshness, Outage... outages) {
        return verdict(latest, freshness, outages).state();
    }

    private StateRules.Verdict verdict(LatestSnapshot latest, Freshness freshness, Outage... outages) {
        return rules.judge(latest, freshness, new ArrayList<>(List.of(outages)), NOW);
    }

    @Test
    void allGoodIsOperational() {
        assertEquals(SystemState.OPERATIONAL, judge(latest(healthyCluster(),
                List.of(loginNode("a", true, false), loginNode("b", true, false)), List.of()), Freshness.FRESH));
    }

    @Test
    void noLoginNodeAvailableIsDown() {
        assertEquals(SystemState.DOWN, judge(latest(healthyCluster(),
                List.of(loginNode("a", false, false), loginNode("b", false, false)), List.of()), Freshness.FRESH));
    }

    @Test
    void allComputeNodesDownIsDown() {
        Snapshot s = healthyCluster();
        s.cpuNodesAvailable = 0;
        s.cpuNodesDown = 100;
        s.gpuNodesAvailable = 0;
        s.gpuNodesDown = 10;
        assertEquals(new StateRules.Verdict(SystemState.DOWN, List.of("All 110 compute nodes are down")),
                verdict(latest(s, List.of(), List.of()), Freshness.FRESH));
    }

    @Test
    void aFullMachineWithNoIdleNodeIsOperational() {
        // The deployed collector's busy day: 13 of 2,488 CPU nodes idle, 5 down; every GPU node running jobs.
        Snapshot s = healthyCluster();
        s.cpuNodesTotal = 2488;
        s.cpuNodesAvailable = 0;
        s.cpuNodesDown = 29;
        s.gpuNodesTotal = 82;
        s.gpuNodesAvailable = 0;
        s.gpuNodesDown = 0;
        assertEquals(new StateRules.Verdict(SystemState.OPERATIONAL, List.of()),
                verdict(latest(s, List.of(loginNode("derecho1", true, false)), List.of()), Freshness.FRESH));
    }

    @Test
    void aCollectorThatCountedNoNodesLeavesTheStateToTheRestAndSaysNodeDataIsMissing() {
        Snapshot s = new Snapshot();
        s.cpuNodesTotal = 0;
        s.cpuNodesAvailable = 0;
        s.cpuNodesDown = 0;
        s.gpuNodesTotal = 0;
        s.gpuNodesAvailable = 0;
        s.gpuNodesDown = 0;
        assertEquals(new StateRules.Verdict(SystemState.OPERATIONAL, List.of(), List.of(StateRules.NODE_DATA_MISSING)),
                verdict(latest(s, List.of(loginNode("derecho1", true, false)), List.of()), Freshness.FRESH));
        FilesystemStatus glade = new FilesystemStatus();
        glade.filesystemName = "glade";
        glade.available = false;
        assertEquals(new StateRules.Verdict(SystemState.DEGRADED, List.of("Filesystem glade is unavailable"),
                List.of(StateRules.NODE_DATA_MISSING)), verdict(latest(s, List.of(), List.of(glade)), Freshness.FRESH));
    }

    @Test
    void oneLoginNodeDownOrDegradedIsDegraded() {
        assertEquals(SystemState.DEGRADED, judge(latest(healthyCluster(),
                List.of(loginNode("a", true, false), loginNode("b", false, false)), List.of()), Freshness.FRESH));
        assertEquals(SystemState.DEGRADED, judge(latest(healthyCluster(),
                List.of(loginNode("a", true, true)), List.of()), Freshness.FRESH));
    }

    @Test
    void filesystemDownIsDegraded() {
        FilesystemStatus glade = new FilesystemStatus();
        glade.filesystemName = "glade";
        glade.available = false;
        assertEquals(SystemState.DEGRADED, judge(latest(healthyCluster(), List.of(), List.of(glade)), Freshness.FRESH));
    }

    @Test
    void aPartitionWithTheConfiguredShareDownIsDegradedAndAFewDownNodesAreNot() {
        Snapshot s = healthyCluster();
        s.cpuNodesDown = 9; // 9 % < 10 %
        assertEquals(SystemState.OPERATIONAL, judge(latest(s, List.of(), List.of()), Freshness.FRESH));
        s.gpuNodesDown = 1; // 10 % of 10
        assertEquals(new StateRules.Verdict(SystemState.DEGRADED, List.of("GPU nodes: 1 of 10 down")),
                verdict(latest(s, List.of(), List.of()), Freshness.FRESH));
    }

    @Test
    void activeOutageIsDegradedMaintenanceIsMaintenanceAndCriticalIsDown() {
        LatestSnapshot healthy = latest(healthyCluster(), List.of(), List.of());
        assertEquals(SystemState.DEGRADED, judge(healthy, Freshness.FRESH, outage("minor")));
        assertEquals(SystemState.MAINTENANCE, judge(healthy, Freshness.FRESH, outage("maintenance")));
        assertEquals(SystemState.DOWN, judge(healthy, Freshness.FRESH, outage("critical"), outage("maintenance")));
    }

    @Test
    void anOutageThatHasNotStartedYetChangesNothing() {
        Outage ahead = outage("maintenance");
        ahead.startTime = NOW.plusSeconds(2 * 86400);
        Outage criticalAhead = outage("critical");
        criticalAhead.startTime = NOW.plusSeconds(60);
        assertEquals(SystemState.OPERATIONAL, judge(latest(healthyCluster(), List.of(), List.of()), Freshness.FRESH,
                ahead, criticalAhead));
    }

    @Test
    void staleAndNoDataComeBeforeTheFiguresButNotBeforeACriticalOutage() {
        LatestSnapshot healthy = latest(healthyCluster(), List.of(), List.of());
        assertEquals(SystemState.STALE, judge(healthy, Freshness.STALE));
        assertEquals(SystemState.NO_DATA, judge(null, Freshness.NO_DATA));
        assertEquals(SystemState.DOWN, judge(null, Freshness.NO_DATA, outage("critical")));
    }

    @Test
    void hubReportedUnavailableIsDown() {
        Snapshot s = new Snapshot();
        s.available = false;
        assertEquals(SystemState.DOWN, rules.judge(new LatestSnapshot(HUB, s, new ChildRows()),
                Freshness.FRESH, List.of(), NOW).state());
    }

    private static Snapshot healthyCasper() {
        Snapshot s = new Snapshot();
        s.computeNodesTotal = 100;
        s.computeNodesAvailable = 80;
        s.computeNodesDown = 2;
        s.vizNodesTotal = 10;
        s.vizNodesAvailable = 8;
        s.vizNodesDown = 0;
        return s;
    }

    private StateRules.Verdict judgeCasper(Snapshot s) {
        return rules.judge(new LatestSnapshot(CASPER, s, new ChildRows()), Freshness.FRESH,
                List.of(), NOW);
    }

    @Test
    void casperIsJudgedOnItsComputeNodes() {
        assertEquals(new StateRules.Verdict(SystemState.OPERATIONAL, List.of()), judgeCasper(healthyCasper()));
        Snapshot busy = healthyCasper();
        busy.computeNodesAvailable = 0;
        assertEquals(new StateRules.Verdict(SystemState.OPERATIONAL, List.of()), judgeCasper(busy));
        Snapshot broken = healthyCasper();
        broken.computeNodesDown = 30;
        assertEquals(new StateRules.Verdict(SystemState.DEGRADED, List.of("Compute nodes: 30 of 100 down")),
                judgeCasper(broken));
        Snapshot none = healthyCasper();
        none.computeNodesDown = 100;
        assertEquals(new StateRules.Verdict(SystemState.DOWN, List.of("All 100 compute nodes are down")), judgeCasper(none));
    }

    @Test
    void casperVisualizationNodesAreShownButNotJudged() {
        Snapshot s = healthyCasper();
        s.vizNodesDown = 9;
        assertEquals(SystemState.OPERATIONAL, judgeCasper(s).state());
    }
}
