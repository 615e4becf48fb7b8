package org.hpcstatus.collector.pbs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.hpcstatus.collector.count.NodeState;
import org.hpcstatus.collector.count.NodeTally;

/**
 * One vnode of {@code pbsnodes -a -F json}: its state, CPUs, GPUs and memory available and assigned, the queues it
 * serves (its {@code queue} attribute or {@code resources_available.Qlist}) and its type (Casper's node types: the
 * first Qlist entry unless the configuration names another resource).
 */
record PbsNode(String name, NodeState state, int cpus, int cpusAssigned, int gpus, int gpusAssigned, double memoryGb,
        double memoryAssignedGb, List<String> queues, String type, String gpuModel) {

    static PbsNode of(String name, JsonNode node, String typeResource) {
        JsonNode available = node.path("resources_available");
        JsonNode assigned = node.path("resources_assigned");
        int cpus = available.path("ncpus").asInt(node.path("pcpus").asInt(0));
        int cpusAssigned = assigned.path("ncpus").asInt(0);
        boolean hasJobs = node.path("jobs").isArray() && !node.path("jobs").isEmpty();
        List<String> queues = new ArrayList<>();
        if (node.hasNonNull("queue")) {
            queues.add(node.get("queue").asText().strip());
        }
        for (String q : available.path("Qlist").asText("").split(",")) {
            if (!q.isBlank() && !queues.contains(q.strip())) {
                queues.add(q.strip());
            }
        }
        String type = available.path(typeResource).asText("").split(",")[0].strip();
        String gpuModel = available.path("gpu_type").asText("").strip();
        return new PbsNode(name, NodeState.ofPbs(node.path("state").asText(""), hasJobs, cpusAssigned > 0), cpus,
                cpusAssigned, available.path("ngpus").asInt(0), assigned.path("ngpus").asInt(0),
                gigabytes(available.path("mem").asText("")), gigabytes(assigned.path("mem").asText("")),
                List.copyOf(queues), type.isEmpty() ? null : type, gpuModel.isEmpty() ? null : gpuModel);
    }

    void addTo(NodeTally tally) {
        tally.add(state, cpus, cpusAssigned, gpus, gpusAssigned, memoryGb, memoryAssignedGb, gpuModel);
    }

    /** A PBS size ("527672488kb", "256gb", "1tb", bytes without a unit) in GB (10^9 bytes); 0 when unreadable. */
    static double gigabytes(String size) {
        String text = size.strip().toLowerCase(Locale.ROOT);
        long factor = 1;
        for (String[] unit : new String[][] {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"},
                {"tb", "1099511627776"}, {"b", "1"}}) {
            if (text.endsWith(unit[0])) {
                factor = Long.parseLong(unit[1]);
                text = text.substring(0, text.length() - unit[0].length());
                break;
            }
        }
        try {
            return Long.parseLong(text) * (double) factor / 1e9;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
