package org.hpcstatus.collector.count;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jobs summed the way the service's rows count them: a queue's row, the system's totals, or one user's row in a
 * project and queue. Running jobs count what they hold, pending and held ones what they ask for.
 */
public final class QueueLoad {

    public final String name;
    public int running;
    public int pending;
    public int held;
    private long coresAllocated;
    private long gpusAllocated;
    private long nodesAllocated;
    private long coresPending;
    private long gpusPending;
    private long coresHeld;
    private long gpusHeld;
    private final Set<String> users = new HashSet<>();
    private Waits waits;

    public QueueLoad(String name) {
        this.name = name;
    }

    public void add(Job job) {
        users.add(job.user());
        switch (job.state()) {
            case RUNNING -> {
                running++;
                coresAllocated += job.cores();
                gpusAllocated += job.gpus();
                nodesAllocated += job.nodes();
            }
            case PENDING -> {
                pending++;
                coresPending += job.cores();
                gpusPending += job.gpus();
            }
            case HELD -> {
                held++;
                coresHeld += job.cores();
                gpusHeld += job.gpus();
            }
            case OTHER -> {
                // exiting, suspended, in transit: neither running nor waiting
            }
        }
    }

    public int users() {
        return users.size();
    }

    public void waits(List<Long> minutes) {
        this.waits = Waits.of(minutes);
    }

    /** The queue's row of the snapshot ({@code queues[]}). */
    public void writeTo(ObjectNode row) {
        row.put("queue_name", name);
        writeCounts(row);
        row.put("active_users", users.size());
        if (waits != null) {
            waits.writeTo(row);
        }
    }

    /** A row of {@code user_project_queues}. */
    public void writeUserRow(ObjectNode row, String user, String project) {
        row.put("username", user);
        row.put("project_code", project);
        row.put("queue_name", name);
        writeCounts(row);
    }

    private void writeCounts(ObjectNode row) {
        row.put("running_jobs", running);
        row.put("pending_jobs", pending);
        row.put("held_jobs", held);
        row.put("cores_allocated", coresAllocated);
        row.put("gpus_allocated", gpusAllocated);
        row.put("nodes_allocated", nodesAllocated);
        row.put("cores_pending", coresPending);
        row.put("gpus_pending", gpusPending);
        row.put("cores_held", coresHeld);
        row.put("gpus_held", gpusHeld);
    }
}
