package org.hpcstatus.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hpcstatus.collector.count.NodeState;
import org.junit.jupiter.api.Test;

/** Slurm's node states as an operator counts them: idle is free for the next job; never a node that cannot run one. */
class NodeStateTests {

    @Test
    void everySlurmStateCountsWhereAnOperatorWouldCountIt() {
        Map<String, NodeState> expected = new LinkedHashMap<>();
        expected.put("idle", NodeState.IDLE);
        expected.put("idle~", NodeState.IDLE);            // powered off to save energy, started on demand
        expected.put("allocated", NodeState.BUSY);
        expected.put("mixed", NodeState.BUSY);
        expected.put("completing", NodeState.BUSY);
        expected.put("draining", NodeState.BUSY);         // takes no new job, still runs its own
        expected.put("mixed+drain", NodeState.BUSY);
        expected.put("idle-", NodeState.BUSY);            // planned: held for a pending job
        expected.put("reserved", NodeState.RESERVED);
        expected.put("maint", NodeState.RESERVED);
        expected.put("idle$", NodeState.RESERVED);        // in a maintenance reservation
        expected.put("drained", NodeState.DOWN);
        expected.put("idle+drain", NodeState.DOWN);
        expected.put("down", NodeState.DOWN);
        expected.put("down*", NodeState.DOWN);
        expected.put("idle*", NodeState.DOWN);            // not responding
        expected.put("unknown*", NodeState.DOWN);         // never registered: Slurm's %A and %C call it idle
        expected.put("fail", NodeState.DOWN);
        expected.put("inval", NodeState.DOWN);
        expected.put("future", NodeState.DOWN);
        expected.put("something-new", NodeState.DOWN);
        Map<String, NodeState> actual = new LinkedHashMap<>();
        expected.keySet().forEach(state -> actual.put(state, NodeState.ofSlurm(state)));
        assertEquals(expected, actual);
    }

    @Test
    void everyPbsStateCountsWhereAnOperatorWouldCountIt() {
        assertEquals(NodeState.IDLE, NodeState.ofPbs("free", false, false));
        assertEquals(NodeState.BUSY, NodeState.ofPbs("free", true, true), "a shared node with a job on it");
        assertEquals(NodeState.BUSY, NodeState.ofPbs("job-busy", true, true));
        assertEquals(NodeState.BUSY, NodeState.ofPbs("job-exclusive", true, true));
        assertEquals(NodeState.BUSY, NodeState.ofPbs("offline", true, true), "offline but still running its job");
        assertEquals(NodeState.DOWN, NodeState.ofPbs("offline", false, false));
        assertEquals(NodeState.DOWN, NodeState.ofPbs("down,offline", false, false));
        assertEquals(NodeState.DOWN, NodeState.ofPbs("state-unknown,down,down", false, false), "repeated states too");
        assertEquals(NodeState.RESERVED, NodeState.ofPbs("resv-exclusive", false, false));
        assertEquals(NodeState.DOWN, NodeState.ofPbs("", false, false));
    }
}
