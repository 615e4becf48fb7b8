package org.hpcstatus.collector.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hpcstatus.collector.count.NodeState;
import org.hpcstatus.collector.count.NodeTally;

/** One node as {@code sinfo -N -O} lists it (once per partition it belongs to), with its CPUs and GPUs. */
record SlurmNode(String name, List<String> partitions, NodeState state, int cpus, int cpusAllocated, int cpusIdle,
        int gpus, int gpusAllocated) {

    /** Memory is not known: Slurm allocates it only where the site made it a consumable resource. */
    void addTo(NodeTally tally) {
        tally.add(state, cpus, cpusAllocated, gpus, gpusAllocated, 0, 0, null);
    }

    /** Nodes by name, each with every partition it was listed in; lines it cannot read are skipped. */
    static Map<String, SlurmNode> parse(String output) {
        Map<String, SlurmNode> nodes = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            String[] f = line.split("\\|", -1);
            if (f.length < 6 || f[0].isBlank()) {
                continue;
            }
            String partition = f[1].strip().replace("*", "");
            int[] cpus = cpuStates(f[3]);
            SlurmNode seen = nodes.get(f[0].strip());
            if (seen != null) {
                seen.partitions.add(partition);
                continue;
            }
            List<String> partitions = new ArrayList<>();
            partitions.add(partition);
            nodes.put(f[0].strip(), new SlurmNode(f[0].strip(), partitions, NodeState.ofSlurm(f[2]), cpus[3], cpus[0],
                    cpus[1], gpuCount(f[4]), gpuCount(f[5])));
        }
        return nodes;
    }

    /** "allocated/idle/other/total" ({@code %C}); zeros when unreadable. */
    static int[] cpuStates(String text) {
        String[] parts = text.strip().split("/");
        int[] values = new int[4];
        if (parts.length == 4) {
            for (int i = 0; i < 4; i++) {
                Integer value = SlurmSource.integer(parts[i]);
                values[i] = value == null ? 0 : value;
            }
        }
        return values;
    }

    /**
     * The GPUs in a gres string: "gpu:4", "gpu:a100:4(S:0-1)", "gpu:2(IDX:0-1),shard:8", "(null)"; every gpu entry
     * counted, any other resource ignored.
     */
    static int gpuCount(String gres) {
        int count = 0;
        for (String entry : gres.strip().split(",(?![^(]*\\))")) {
            String plain = entry.replaceAll("\\(.*\\)", "");
            if (!plain.startsWith("gpu")) {
                continue;
            }
            String[] parts = plain.split(":");
            Integer value = SlurmSource.integer(parts[parts.length - 1]);
            count += value == null ? 0 : value;
        }
        return count;
    }
}
