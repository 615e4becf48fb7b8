package org.hpcstatus.collector.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.hpcstatus.collector.count.Job;
import org.hpcstatus.collector.count.NodeState;
import org.junit.jupiter.api.Test;

/**
 * The shapes Slurm prints that the test cluster does not: typed GPUs, shards, GPUs per job, jobs asked of two
 * partitions, a node listed in two partitions, reservations with spaces in their values.
 */
class SlurmParsingTests {

    @Test
    void gpusAreCountedInEveryGresShape() {
        assertEquals(4, SlurmNode.gpuCount("gpu:4"));
        assertEquals(4, SlurmNode.gpuCount("gpu:a100:4(S:0-1)"));
        assertEquals(3, SlurmNode.gpuCount("gpu:a100:2(S:0),gpu:v100:1(S:1),shard:8"));
        assertEquals(2, SlurmNode.gpuCount("gpu:2(IDX:0-1)"));
        assertEquals(0, SlurmNode.gpuCount("(null)"));
        assertEquals(0, SlurmNode.gpuCount("shard:8"));
        assertEquals(2, SlurmJobs.gpus("cpu=8,mem=16G,node=1,billing=8,gres/gpu=2", "gres:gpu:1", 1), "accounting first");
        assertEquals(6, SlurmJobs.gpus("N/A", "gres/gpu:a100:2", 3), "per node, times the nodes");
        assertEquals(0, SlurmJobs.gpus("cpu=4,node=1", "N/A", 1));
    }

    @Test
    void aNodeInTwoPartitionsIsOneNode() {
        Map<String, SlurmNode> nodes = SlurmNode.parse("""
                n01|main*|mixed|64/64/0/128|gpu:4|gpu:2(IDX:0-1)|
                n01|preempt|mixed|64/64/0/128|gpu:4|gpu:2(IDX:0-1)|
                n02|main*|unknown*|0/128/0/128|(null)|gpu:0|
                """);
        assertEquals(2, nodes.size());
        assertEquals(List.of("main", "preempt"), nodes.get("n01").partitions());
        assertEquals(NodeState.BUSY, nodes.get("n01").state());
        assertEquals(NodeState.DOWN, nodes.get("n02").state());
        assertEquals(2, nodes.get("n01").gpusAllocated());
    }

    @Test
    void jobsCountByStateInTheirFirstPartition() {
        List<Job> jobs = SlurmJobs.parse("""
                main,preempt|PD|alice|ncar01|16|1|cpu=16,node=1|N/A|Priority|
                gpu|PD|bob|(null)|4|1|cpu=4,node=1|gres:gpu:1|JobHeldAdmin|
                gpu|R|bob|ncar02|8|2|cpu=8,node=2,gres/gpu=4|gres:gpu:2|None|
                main|CG|carol|ucb01|1|1|cpu=1,node=1|N/A|None|
                """);
        assertEquals(List.of(new Job("main", "alice", "ncar01", Job.State.PENDING, 16, 0, 1),
                new Job("gpu", "bob", "none", Job.State.HELD, 4, 1, 1),
                new Job("gpu", "bob", "ncar02", Job.State.RUNNING, 8, 4, 2),
                new Job("main", "carol", "ucb01", Job.State.OTHER, 1, 0, 1)), jobs);
    }

    @Test
    void scontrolValuesMayHoldSpaces() {
        Map<String, String> reservation = KeyValues.line("ReservationName=maint StartTime=2026-12-14T06:00:00 "
                + "Nodes=n[01-10] Users=root Comment=firmware upgrade, all racks State=INACTIVE");
        assertEquals("n[01-10]", reservation.get("Nodes"));
        assertEquals("firmware upgrade, all racks", reservation.get("Comment"));
        assertEquals("INACTIVE", reservation.get("State"));
    }
}
