package org.hpcstatus.collector.count;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Jobs counted three ways at once: the system's totals, each queue's row, and each user's row per project and queue. */
public final class JobTally {

    private final QueueLoad total = new QueueLoad("");
    private final Map<String, QueueLoad> queues = new TreeMap<>();
    private final Map<List<String>, QueueLoad> perUser = new LinkedHashMap<>();

    public void add(Job job) {
        total.add(job);
        queues.computeIfAbsent(job.queue(), QueueLoad::new).add(job);
        perUser.computeIfAbsent(List.of(job.user(), job.project(), job.queue()), key -> new QueueLoad(key.get(2)))
                .add(job);
    }

    /** Each queue's row by name, to add waits to and to write with the snapshot. */
    public Map<String, QueueLoad> queues() {
        return queues;
    }

    /** running_jobs, pending_jobs, held_jobs, active_users and the user_project_queues rows. */
    public void writeTo(ObjectNode payload) {
        payload.put("running_jobs", total.running);
        payload.put("pending_jobs", total.pending);
        payload.put("held_jobs", total.held);
        payload.put("active_users", total.users());
        if (!perUser.isEmpty()) {
            ArrayNode rows = payload.putArray("user_project_queues");
            perUser.forEach((key, load) -> load.writeUserRow(rows.addObject(), key.get(0), key.get(1)));
        }
    }
}
