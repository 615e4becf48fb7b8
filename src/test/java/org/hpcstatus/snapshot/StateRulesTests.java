package org.hpcstatus.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.outage.Outage;
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

    private static Snapshot healthyCluster() {
        Snapshot s = new Snapshot();
        s.cpuNodesTotal = 100;
        s.cpuNodesAvailable = 90;
        s.gpuNodesTotal = 10;
        s.gpuNodesAvailable = 9;
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
        return new LatestSnapshot(CLUSTER, s, loginNodes, List.of(), filesystems, List.of());
    }

    private static Outage outage(String severity) {
        Outage outage = new Outage();
        outage.severity = severity;
        outage.title = "Something";
        return outage;
    }

    private SystemState judge(LatestSnapshot latest, Freshness freshness, Outage... outages) {
        return rules.judge(latest, freshness, new ArrayList<>(List.of(outages))).state();
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
        s.gpuNodesAvailable = 0;
        assertEquals(SystemState.DOWN, judge(latest(s, List.of(), List.of()), Freshness.FRESH));
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
    void partitionBelowTheConfiguredShareIsDegraded() {
        Snapshot s = healthyCluster();
        s.gpuNodesAvailable = 4; // 40% < 50%
        assertEquals(SystemState.DEGRADED, judge(latest(s, List.of(), List.of()), Freshness.FRESH));
    }

    @Test
    void activeOutageIsDegradedAndCriticalOneIsDown() {
        LatestSnapshot healthy = latest(healthyCluster(), List.of(), List.of());
        assertEquals(SystemState.DEGRADED, judge(healthy, Freshness.FRESH, outage("maintenance")));
        assertEquals(SystemState.DOWN, judge(healthy, Freshness.FRESH, outage("critical")));
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
        assertEquals(SystemState.DOWN, rules.judge(new LatestSnapshot(HUB, s, List.of(), List.of(), List.of(), List.of()),
                Freshness.FRESH, List.of()).state());
    }

    private static Snapshot healthyCasper() {
        Snapshot s = new Snapshot();
        s.computeNodesTotal = 100;
        s.computeNodesAvailable = 80;
        s.vizNodesTotal = 10;
        s.vizNodesAvailable = 8;
        return s;
    }

    private StateRules.Verdict judgeCasper(Snapshot s) {
        return rules.judge(new LatestSnapshot(CASPER, s, List.of(), List.of(), List.of(), List.of()), Freshness.FRESH,
                List.of());
    }

    @Test
    void casperIsJudgedOnItsComputeNodes() {
        assertEquals(new StateRules.Verdict(SystemState.OPERATIONAL, List.of()), judgeCasper(healthyCasper()));
        Snapshot low = healthyCasper();
        low.computeNodesAvailable = 30;
        assertEquals(new StateRules.Verdict(SystemState.DEGRADED, List.of("Compute nodes: only 30 of 100 available")),
                judgeCasper(low));
        Snapshot none = healthyCasper();
        none.computeNodesAvailable = 0;
        assertEquals(new StateRules.Verdict(SystemState.DOWN, List.of("No compute node is available")), judgeCasper(none));
    }

    @Test
    void casperVisualizationNodesAreShownButNotJudged() {
        Snapshot s = healthyCasper();
        s.vizNodesAvailable = 1;
        assertEquals(SystemState.OPERATIONAL, judgeCasper(s).state());
    }
}
