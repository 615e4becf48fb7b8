package org.hpcstatus.collector.pbs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.collector.NodeState;

/** Nodes of one class (CPU, GPU or visualization nodes, or one node type) by state, with their cores, GPUs, memory. */
final class PbsNodeClass {

    private final String name;
    private int total;
    private int idle;
    private int busy;
    private int down;
    private int reserved;
    private long cores;
    private long coresAllocated;
    private long coresIdle;
    private long gpus;
    private long gpusAllocated;
    private long gpusIdle;
    private double memoryGb;
    private double memoryAllocatedGb;
    private int maxCoresPerNode;
    private int maxGpusPerNode;
    private double maxMemoryGbPerNode;
    private String gpuModel;

    PbsNodeClass(String name) {
        this.name = name;
    }

    void add(PbsNode node) {
        total++;
        switch (node.state()) {
            case IDLE -> idle++;
            case BUSY -> busy++;
            case DOWN -> down++;
            case RESERVED -> reserved++;
        }
        cores += node.cpus();
        coresAllocated += node.cpusAssigned();
        gpus += node.gpus();
        gpusAllocated += node.gpusAssigned();
        memoryGb += node.memoryGb();
        memoryAllocatedGb += node.memoryAssignedGb();
        if (node.state() == NodeState.IDLE || node.state() == NodeState.BUSY) {
            coresIdle += Math.max(0, node.cpus() - node.cpusAssigned());
            gpusIdle += Math.max(0, node.gpus() - node.gpusAssigned());
        }
        maxCoresPerNode = Math.max(maxCoresPerNode, node.cpus());
        maxGpusPerNode = Math.max(maxGpusPerNode, node.gpus());
        maxMemoryGbPerNode = Math.max(maxMemoryGbPerNode, node.memoryGb());
        if (gpuModel == null) {
            gpuModel = node.gpuModel();
        }
    }

    void writeNodes(ObjectNode p, String prefix) {
        p.put(prefix + "_nodes_total", total);
        p.put(prefix + "_nodes_available", idle);
        p.put(prefix + "_nodes_down", down);
        p.put(prefix + "_nodes_reserved", reserved);
        if (prefix.equals("viz")) {
            p.put("viz_count_total", gpus);
            p.put("viz_count_allocated", gpusAllocated);
            p.put("viz_count_idle", gpusIdle);
            if (gpus > 0) {
                p.put("viz_utilization_percent", percent(gpusAllocated, gpus));
            }
        }
    }

    /** The system's cores, GPUs and memory, summed over every counted node. */
    void writeUtilization(ObjectNode p) {
        p.put("cpu_cores_total", cores);
        p.put("cpu_cores_allocated", coresAllocated);
        p.put("cpu_cores_idle", coresIdle);
        if (cores > 0) {
            p.put("cpu_utilization_percent", percent(coresAllocated, cores));
        }
        p.put("gpu_count_total", gpus);
        p.put("gpu_count_allocated", gpusAllocated);
        p.put("gpu_count_idle", gpusIdle);
        if (gpus > 0) {
            p.put("gpu_utilization_percent", percent(gpusAllocated, gpus));
        }
        if (memoryGb > 0) {
            p.put("memory_total_gb", Math.round(memoryGb * 100) / 100.0);
            p.put("memory_allocated_gb", Math.round(memoryAllocatedGb * 100) / 100.0);
            p.put("memory_utilization_percent", percent(memoryAllocatedGb, memoryGb));
        }
    }

    /** A row of {@code node_types} (Casper). */
    void writeType(ObjectNode row) {
        row.put("node_type", name);
        row.put("nodes_total", total);
        row.put("nodes_available", idle);
        row.put("nodes_down", down);
        row.put("nodes_allocated", busy);
        row.put("cores_per_node", maxCoresPerNode);
        row.put("memory_gb_per_node", Math.round(maxMemoryGbPerNode * 100) / 100.0);
        row.put("gpus_per_node", maxGpusPerNode);
        if (gpuModel != null) {
            row.put("gpu_model", gpuModel);
        }
        if (cores > 0) {
            row.put("utilization_percent", percent(coresAllocated, cores));
        }
        if (memoryGb > 0) {
            row.put("memory_utilization_percent", percent(memoryAllocatedGb, memoryGb));
        }
    }

    private static double percent(double part, double whole) {
        return Math.min(100.0, Math.round(part * 1000.0 / whole) / 10.0);
    }
}
