package org.hpcstatus.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.collector.count.QueueLoad;

/**
 * One run's snapshot as it is being gathered: the payload in the service's field names, and what could not be
 * collected (said in the run's log line). A field whose command failed is left out, or sent as null where the
 * contract requires it, never as a made-up 0.
 */
public final class Collection {

    public final ObjectNode payload = JsonNodeFactory.instance.objectNode();
    private final List<String> missing = new ArrayList<>();

    /** Notes that {@code what} was not collected, and why. */
    public void missing(String what, Commands.Result because) {
        missing.add(what + " (" + because.command().split(" ")[0] + ": " + because.failure() + ")");
    }

    /**
     * The node query failed: the node counts the contract requires are sent as null, which the service accepts as
     * "not collected" and shows as node data missing (a 0 would read as every node gone).
     */
    public void nodeCountsMissing(String kind) {
        List<String> required = kind.equals("heterogeneous-cluster")
                ? List.of("compute_nodes_total", "compute_nodes_available")
                : List.of("cpu_nodes_total", "cpu_nodes_available", "gpu_nodes_total", "gpu_nodes_available");
        required.forEach(payload::putNull);
    }

    /** The job query failed: the job counts the contract requires are sent as null. */
    public void jobCountsMissing() {
        payload.putNull("running_jobs");
        payload.putNull("pending_jobs");
    }

    /** The queues' rows, where the job query answered and found any. */
    public void putQueues(Map<String, QueueLoad> queues) {
        if (queues != null && !queues.isEmpty()) {
            ArrayNode rows = payload.putArray("queues");
            queues.values().forEach(queue -> queue.writeTo(rows.addObject()));
        }
    }

    public void missing(String what) {
        missing.add(what);
    }

    public List<String> missing() {
        return List.copyOf(missing);
    }
}
