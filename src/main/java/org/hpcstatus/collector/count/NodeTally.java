package org.hpcstatus.collector.count;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Nodes of one class (CPU, GPU or visualization nodes, one node type, or all of them) by state, with their cores,
 * GPUs and memory, written in the service's field names. Only a node that can run jobs (idle or busy) has idle
 * cores: Slurm counts a node that never registered as all idle.
 */
public final class NodeTally {

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

    public NodeTally(String name) {
        this.name = name;
    }

    /** One node: its state, CPUs in all and allocated, GPUs, and memory in GB (0 where not known). */
    public void add(NodeState state, int cpus, int cpusAllocated, int gpus, int gpusAllocated, double memoryGb,
            double memoryAllocatedGb, String gpuModel) {
        total++;
        switch (state) {
            case IDLE -> idle++;
            case BUSY -> busy++;
            case DOWN -> down++;
            case RESERVED -> reserved++;
        }
        cores += cpus;
        coresAllocated += cpusAllocated;
        this.gpus += gpus;
        this.gpusAllocated += gpusAllocated;
        this.memoryGb += memoryGb;
        this.memoryAllocatedGb += memoryAllocatedGb;
        if (state == NodeState.IDLE || state == NodeState.BUSY) {
            coresIdle += Math.max(0, cpus - cpusAllocated);
            gpusIdle += Math.max(0, gpus - gpusAllocated);
        }
        maxCoresPerNode = Math.max(maxCoresPerNode, cpus);
        maxGpusPerNode = Math.max(maxGpusPerNode, gpus);
        maxMemoryGbPerNode = Math.max(maxMemoryGbPerNode, memoryGb);
        if (this.gpuModel == null) {
            this.gpuModel = gpuModel;
        }
    }

    /** {prefix}_nodes_total, _available (idle), _down, _reserved; for "viz" its GPUs too. */
    public void writeNodes(ObjectNode p, String prefix) {
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

    /** The system's cores, GPUs (where it has any) and memory (where known), as utilization: allocated of total. */
    public void writeUtilization(ObjectNode p) {
        p.put("cpu_cores_total", cores);
        p.put("cpu_cores_allocated", coresAllocated);
        p.put("cpu_cores_idle", coresIdle);
        if (cores > 0) {
            p.put("cpu_utilization_percent", percent(coresAllocated, cores));
        }
        if (gpus > 0) {
            p.put("gpu_count_total", gpus);
            p.put("gpu_count_allocated", gpusAllocated);
            p.put("gpu_count_idle", gpusIdle);
            p.put("gpu_utilization_percent", percent(gpusAllocated, gpus));
        }
        if (memoryGb > 0) {
            p.put("memory_total_gb", Math.round(memoryGb * 100) / 100.0);
            p.put("memory_allocated_gb", Math.round(memoryAllocatedGb * 100) / 100.0);
            p.put("memory_utilization_percent", percent(memoryAllocatedGb, memoryGb));
        }
    }

    /** A row of {@code node_types} (Casper). */
    public void writeType(ObjectNode row) {
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
