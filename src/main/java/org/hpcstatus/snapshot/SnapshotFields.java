package org.hpcstatus.snapshot;

import static org.hpcstatus.contract.Field.amount;
import static org.hpcstatus.contract.Field.count;
import static org.hpcstatus.contract.Field.flag;
import static org.hpcstatus.contract.Field.largeCount;
import static org.hpcstatus.contract.Field.percent;
import static org.hpcstatus.contract.Field.text;
import static org.hpcstatus.contract.Field.timestamp;

import java.util.ArrayList;
import java.util.List;

import org.hpcstatus.contract.Field;

/**
 * The JSON fields of every snapshot payload, as the collectors guide names them, in groups that each kind's
 * {@link KindProfile} puts together. A field's JSON name is also its column name (see {@code Field#column}).
 * Required-ness follows the decisions recorded in the README ("What collectors may post").
 */
public final class SnapshotFields {

    /** Login node types a Derecho-shaped cluster may report. */
    public static final String[] LOGIN_NODE_TYPES = {"cpu", "gpu", "data-access"};

    /** The instant a snapshot describes: the one field every post must carry (read first, by the parser). */
    public static final Field<Snapshot> OBSERVED_AT = Field.<Snapshot>timestamp("timestamp", s -> s.observedAt,
            (s, v) -> s.observedAt = v)
            .mandatory();

    public static final List<Field<Snapshot>> PARTITIONS = List.of(
            count("cpu_nodes_total", s -> s.cpuNodesTotal, (s, v) -> s.cpuNodesTotal = v),
            count("cpu_nodes_available", s -> s.cpuNodesAvailable, (s, v) -> s.cpuNodesAvailable = v),
            count("cpu_nodes_down", s -> s.cpuNodesDown, (s, v) -> s.cpuNodesDown = v),
            count("cpu_nodes_reserved", s -> s.cpuNodesReserved, (s, v) -> s.cpuNodesReserved = v),
            count("gpu_nodes_total", s -> s.gpuNodesTotal, (s, v) -> s.gpuNodesTotal = v),
            count("gpu_nodes_available", s -> s.gpuNodesAvailable, (s, v) -> s.gpuNodesAvailable = v),
            count("gpu_nodes_down", s -> s.gpuNodesDown, (s, v) -> s.gpuNodesDown = v),
            count("gpu_nodes_reserved", s -> s.gpuNodesReserved, (s, v) -> s.gpuNodesReserved = v));

    public static final List<Field<Snapshot>> VIZ_PARTITION = List.of(
            count("viz_nodes_total", s -> s.vizNodesTotal, (s, v) -> s.vizNodesTotal = v),
            count("viz_nodes_available", s -> s.vizNodesAvailable, (s, v) -> s.vizNodesAvailable = v),
            count("viz_nodes_down", s -> s.vizNodesDown, (s, v) -> s.vizNodesDown = v),
            count("viz_nodes_reserved", s -> s.vizNodesReserved, (s, v) -> s.vizNodesReserved = v),
            count("viz_count_total", s -> s.vizCountTotal, (s, v) -> s.vizCountTotal = v),
            count("viz_count_allocated", s -> s.vizCountAllocated, (s, v) -> s.vizCountAllocated = v),
            count("viz_count_idle", s -> s.vizCountIdle, (s, v) -> s.vizCountIdle = v),
            percent("viz_utilization_percent", s -> s.vizUtilizationPercent, (s, v) -> s.vizUtilizationPercent = v));

    public static final List<Field<Snapshot>> UTILIZATION = List.of(
            count("cpu_cores_total", s -> s.cpuCoresTotal, (s, v) -> s.cpuCoresTotal = v),
            count("cpu_cores_allocated", s -> s.cpuCoresAllocated, (s, v) -> s.cpuCoresAllocated = v),
            count("cpu_cores_idle", s -> s.cpuCoresIdle, (s, v) -> s.cpuCoresIdle = v),
            percent("cpu_utilization_percent", s -> s.cpuUtilizationPercent, (s, v) -> s.cpuUtilizationPercent = v),
            count("gpu_count_total", s -> s.gpuCountTotal, (s, v) -> s.gpuCountTotal = v),
            count("gpu_count_allocated", s -> s.gpuCountAllocated, (s, v) -> s.gpuCountAllocated = v),
            count("gpu_count_idle", s -> s.gpuCountIdle, (s, v) -> s.gpuCountIdle = v),
            percent("gpu_utilization_percent", s -> s.gpuUtilizationPercent, (s, v) -> s.gpuUtilizationPercent = v),
            amount("memory_total_gb", s -> s.memoryTotalGb, (s, v) -> s.memoryTotalGb = v),
            amount("memory_allocated_gb", s -> s.memoryAllocatedGb, (s, v) -> s.memoryAllocatedGb = v),
            percent("memory_utilization_percent", s -> s.memoryUtilizationPercent, (s, v) -> s.memoryUtilizationPercent = v));

    public static final List<Field<Snapshot>> JOBS = List.of(
            count("running_jobs", (Snapshot s) -> s.runningJobs, (s, v) -> s.runningJobs = v).mandatoryOrNotCollected(),
            count("pending_jobs", (Snapshot s) -> s.pendingJobs, (s, v) -> s.pendingJobs = v).mandatoryOrNotCollected(),
            count("held_jobs", s -> s.heldJobs, (s, v) -> s.heldJobs = v),
            count("active_users", s -> s.activeUsers, (s, v) -> s.activeUsers = v));

    public static final List<Field<Snapshot>> COMPUTE_NODES = List.of(
            count("compute_nodes_total", s -> s.computeNodesTotal, (s, v) -> s.computeNodesTotal = v),
            count("compute_nodes_available", s -> s.computeNodesAvailable, (s, v) -> s.computeNodesAvailable = v),
            count("compute_nodes_down", s -> s.computeNodesDown, (s, v) -> s.computeNodesDown = v));

    /** The capacity behind a JupyterHub and the jobs its sessions run as (deployed hub collector). */
    public static final List<Field<Snapshot>> HUB_CAPACITY = List.of(
            count("nodes_total", s -> s.nodesTotal, (s, v) -> s.nodesTotal = v),
            count("nodes_free", s -> s.nodesFree, (s, v) -> s.nodesFree = v),
            count("nodes_busy", s -> s.nodesBusy, (s, v) -> s.nodesBusy = v),
            count("nodes_down", s -> s.nodesDown, (s, v) -> s.nodesDown = v),
            count("cpus_total", s -> s.cpusTotal, (s, v) -> s.cpusTotal = v),
            count("cpus_free", s -> s.cpusFree, (s, v) -> s.cpusFree = v),
            count("cpus_used", s -> s.cpusUsed, (s, v) -> s.cpusUsed = v),
            count("gpus_total", s -> s.gpusTotal, (s, v) -> s.gpusTotal = v),
            count("gpus_free", s -> s.gpusFree, (s, v) -> s.gpusFree = v),
            count("gpus_used", s -> s.gpusUsed, (s, v) -> s.gpusUsed = v),
            percent("gpu_utilization_percent", s -> s.gpuUtilizationPercent, (s, v) -> s.gpuUtilizationPercent = v),
            amount("memory_total_gb", s -> s.memoryTotalGb, (s, v) -> s.memoryTotalGb = v),
            amount("memory_free_gb", s -> s.memoryFreeGb, (s, v) -> s.memoryFreeGb = v),
            amount("memory_used_gb", s -> s.memoryUsedGb, (s, v) -> s.memoryUsedGb = v),
            count("jobs_running", s -> s.jobsRunning, (s, v) -> s.jobsRunning = v),
            count("jobs_suspended", s -> s.jobsSuspended, (s, v) -> s.jobsSuspended = v),
            count("casper_login_jobs", s -> s.casperLoginJobs, (s, v) -> s.casperLoginJobs = v),
            count("casper_batch_jobs", s -> s.casperBatchJobs, (s, v) -> s.casperBatchJobs = v),
            count("derecho_batch_jobs", s -> s.derechoBatchJobs, (s, v) -> s.derechoBatchJobs = v));

    /** One node behind a JupyterHub. */
    public static final List<Field<HubNodeStatus>> HUB_NODE = List.of(
            text("name", 128, (HubNodeStatus n) -> n.name, (n, v) -> n.name = v).mandatory(),
            text("state", 64, (HubNodeStatus n) -> n.state, (n, v) -> n.state = v),
            count("jobs_total", n -> n.jobsTotal, (n, v) -> n.jobsTotal = v),
            count("jobs_running", n -> n.jobsRunning, (n, v) -> n.jobsRunning = v),
            count("jobs_suspended", n -> n.jobsSuspended, (n, v) -> n.jobsSuspended = v),
            amount("memory_free_gb", n -> n.memoryFreeGb, (n, v) -> n.memoryFreeGb = v),
            amount("memory_total_gb", n -> n.memoryTotalGb, (n, v) -> n.memoryTotalGb = v),
            amount("memory_used_gb", n -> n.memoryUsedGb, (n, v) -> n.memoryUsedGb = v),
            count("cpus_free", n -> n.cpusFree, (n, v) -> n.cpusFree = v),
            count("cpus_total", n -> n.cpusTotal, (n, v) -> n.cpusTotal = v),
            count("cpus_used", n -> n.cpusUsed, (n, v) -> n.cpusUsed = v),
            count("gpus_free", n -> n.gpusFree, (n, v) -> n.gpusFree = v),
            count("gpus_total", n -> n.gpusTotal, (n, v) -> n.gpusTotal = v),
            count("gpus_used", n -> n.gpusUsed, (n, v) -> n.gpusUsed = v),
            text("job_ids", 8000, (HubNodeStatus n) -> n.jobIds, (n, v) -> n.jobIds = v).keepingEmpty());

    /** One queue of the scheduler's roster (PBS qstat -Q). */
    public static final List<Field<QueueDefinition>> QUEUE_DEFINITION = List.of(
            text("queue_name", 128, (QueueDefinition q) -> q.queueName, (q, v) -> q.queueName = v).mandatory(),
            text("queue_type", 32, (QueueDefinition q) -> q.queueType, (q, v) -> q.queueType = v),
            flag("enabled", q -> q.enabled, (q, v) -> q.enabled = v),
            flag("started", q -> q.started, (q, v) -> q.started = v),
            count("total_jobs", q -> q.totalJobs, (q, v) -> q.totalJobs = v));

    /**
     * One scheduler reservation; its times are read like a snapshot's timestamp (naive ones in the configured zone).
     * reservation_id is the scheduler's (PBS: M5121302.desched1); the table's own reservation_id is its row number.
     */
    public static final List<Field<Reservation>> RESERVATION = List.of(
            text("system_name", 64, (Reservation r) -> r.systemName, (r, v) -> r.systemName = v).notStored(),
            text("reservation_id", 128, (Reservation r) -> r.schedulerId, (r, v) -> r.schedulerId = v)
                    .storedIn("scheduler_reservation_id"),
            text("reservation_name", 128, (Reservation r) -> r.reservationName, (r, v) -> r.reservationName = v)
                    .mandatory(),
            text("description", 1000, (Reservation r) -> r.description, (r, v) -> r.description = v),
            timestamp("start_time", r -> r.startTime, (r, v) -> r.startTime = v),
            timestamp("end_time", r -> r.endTime, (r, v) -> r.endTime = v),
            count("node_count", r -> r.nodeCount, (r, v) -> r.nodeCount = v),
            text("partition", 64, (Reservation r) -> r.partition, (r, v) -> r.partition = v).storedIn("partition_name"));

    /** One user's load in one queue under one project: personal data (see UserLoadSpan). */
    public static final List<Field<UserLoadSpan>> USER_LOAD = List.of(
            text("username", 64, (UserLoadSpan u) -> u.username, (u, v) -> u.username = v).mandatory(),
            text("project_code", 64, (UserLoadSpan u) -> u.projectCode, (u, v) -> u.projectCode = v).mandatory(),
            text("queue_name", 128, (UserLoadSpan u) -> u.queueName, (u, v) -> u.queueName = v).mandatory(),
            count("running_jobs", u -> u.runningJobs, (u, v) -> u.runningJobs = v),
            count("pending_jobs", u -> u.pendingJobs, (u, v) -> u.pendingJobs = v),
            count("held_jobs", u -> u.heldJobs, (u, v) -> u.heldJobs = v),
            count("cores_allocated", u -> u.coresAllocated, (u, v) -> u.coresAllocated = v),
            count("gpus_allocated", u -> u.gpusAllocated, (u, v) -> u.gpusAllocated = v),
            count("nodes_allocated", u -> u.nodesAllocated, (u, v) -> u.nodesAllocated = v),
            count("cores_pending", u -> u.coresPending, (u, v) -> u.coresPending = v),
            count("gpus_pending", u -> u.gpusPending, (u, v) -> u.gpusPending = v),
            count("cores_held", u -> u.coresHeld, (u, v) -> u.coresHeld = v),
            count("gpus_held", u -> u.gpusHeld, (u, v) -> u.gpusHeld = v));

    public static final List<Field<LoginNodeStatus>> LOGIN_NODE = List.of(
            text("node_name", 128, (LoginNodeStatus n) -> n.nodeName, (n, v) -> n.nodeName = v).mandatory(),
            text("node_type", 16, (LoginNodeStatus n) -> n.nodeType, (n, v) -> n.nodeType = v).oneOf(LOGIN_NODE_TYPES),
            flag("available", (LoginNodeStatus n) -> n.available, (n, v) -> n.available = v).mandatory(),
            flag("degraded", n -> n.degraded, (n, v) -> n.degraded = v),
            count("user_count", n -> n.userCount, (n, v) -> n.userCount = v),
            amount("load_1min", n -> n.load1min, (n, v) -> n.load1min = v),
            amount("load_5min", n -> n.load5min, (n, v) -> n.load5min = v),
            amount("load_15min", n -> n.load15min, (n, v) -> n.load15min = v),
            count("num_cpus", n -> n.numCpus, (n, v) -> n.numCpus = v));

    /** Derecho's login nodes must say whether they are CPU, GPU or data-access nodes. */
    public static final List<Field<LoginNodeStatus>> TYPED_LOGIN_NODE = LOGIN_NODE.stream()
            .map(f -> f.name().equals("node_type") ? f.mandatory() : f).toList();

    public static final List<Field<QueueStatus>> QUEUE = List.of(
            text("queue_name", 128, (QueueStatus q) -> q.queueName, (q, v) -> q.queueName = v).mandatory(),
            count("running_jobs", q -> q.runningJobs, (q, v) -> q.runningJobs = v),
            count("pending_jobs", q -> q.pendingJobs, (q, v) -> q.pendingJobs = v),
            count("held_jobs", q -> q.heldJobs, (q, v) -> q.heldJobs = v),
            count("active_users", q -> q.activeUsers, (q, v) -> q.activeUsers = v),
            count("cores_allocated", q -> q.coresAllocated, (q, v) -> q.coresAllocated = v),
            count("cores_pending", q -> q.coresPending, (q, v) -> q.coresPending = v),
            count("cores_held", q -> q.coresHeld, (q, v) -> q.coresHeld = v),
            count("gpus_allocated", q -> q.gpusAllocated, (q, v) -> q.gpusAllocated = v),
            count("gpus_pending", q -> q.gpusPending, (q, v) -> q.gpusPending = v),
            count("gpus_held", q -> q.gpusHeld, (q, v) -> q.gpusHeld = v),
            count("nodes_allocated", q -> q.nodesAllocated, (q, v) -> q.nodesAllocated = v),
            count("jobs_started_last_hour", q -> q.jobsStartedLastHour, (q, v) -> q.jobsStartedLastHour = v),
            count("wait_median_minutes", q -> q.waitMedianMinutes, (q, v) -> q.waitMedianMinutes = v),
            count("wait_p90_minutes", q -> q.waitP90Minutes, (q, v) -> q.waitP90Minutes = v));

    public static final List<Field<FilesystemStatus>> FILESYSTEM = List.of(
            text("filesystem_name", 128, (FilesystemStatus f) -> f.filesystemName, (f, v) -> f.filesystemName = v).mandatory(),
            flag("available", (FilesystemStatus f) -> f.available, (f, v) -> f.available = v).mandatory(),
            flag("degraded", f -> f.degraded, (f, v) -> f.degraded = v),
            amount("capacity_tb", f -> f.capacityTb, (f, v) -> f.capacityTb = v),
            amount("used_tb", f -> f.usedTb, (f, v) -> f.usedTb = v),
            percent("utilization_percent", f -> f.utilizationPercent, (f, v) -> f.utilizationPercent = v),
            largeCount("capacity_inodes", f -> f.capacityInodes, (f, v) -> f.capacityInodes = v),
            largeCount("used_inodes", f -> f.usedInodes, (f, v) -> f.usedInodes = v),
            percent("inodes_utilization_percent", f -> f.inodesUtilizationPercent, (f, v) -> f.inodesUtilizationPercent = v));

    public static final List<Field<NodeTypeStatus>> NODE_TYPE = List.of(
            text("node_type", 128, (NodeTypeStatus t) -> t.nodeType, (t, v) -> t.nodeType = v).mandatory(),
            count("nodes_total", (NodeTypeStatus t) -> t.nodesTotal, (t, v) -> t.nodesTotal = v).mandatory(),
            count("nodes_available", (NodeTypeStatus t) -> t.nodesAvailable, (t, v) -> t.nodesAvailable = v).mandatory(),
            count("nodes_down", t -> t.nodesDown, (t, v) -> t.nodesDown = v),
            count("nodes_allocated", t -> t.nodesAllocated, (t, v) -> t.nodesAllocated = v),
            count("cores_per_node", t -> t.coresPerNode, (t, v) -> t.coresPerNode = v),
            amount("memory_gb_per_node", t -> t.memoryGbPerNode, (t, v) -> t.memoryGbPerNode = v),
            text("gpu_model", 128, (NodeTypeStatus t) -> t.gpuModel, (t, v) -> t.gpuModel = v),
            count("gpus_per_node", t -> t.gpusPerNode, (t, v) -> t.gpusPerNode = v),
            percent("utilization_percent", t -> t.utilizationPercent, (t, v) -> t.utilizationPercent = v),
            percent("memory_utilization_percent", t -> t.memoryUtilizationPercent, (t, v) -> t.memoryUtilizationPercent = v));

    private SnapshotFields() {
    }

    @SafeVarargs
    public static <E> List<Field<E>> concat(List<Field<E>>... parts) {
        List<Field<E>> all = new ArrayList<>();
        for (List<Field<E>> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
