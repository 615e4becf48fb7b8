package org.hpcstatus.collector.pbs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.collector.Collection;
import org.hpcstatus.collector.Commands;
import org.hpcstatus.collector.SchedulerSource;
import org.hpcstatus.collector.config.CollectorConfig;
import org.hpcstatus.collector.count.JobTally;
import org.hpcstatus.collector.count.NodeTally;
import org.hpcstatus.collector.count.QueueLoad;

/**
 * Reads a PBS Pro / OpenPBS cluster through its JSON output (PBS Pro 2021 and later): nodes ({@code pbsnodes -a -F
 * json}), jobs with their array subjobs ({@code qstat -t -f -F json}, with {@code -x} for the finished jobs whose
 * waits it reports), queues ({@code qstat -Q -f -F json}) and reservations ({@code pbs_rstat -f}). It sends what the
 * deployed NCAR collectors send: node counts by state per class, cores, GPUs and memory, jobs, per-queue rows, node
 * types (Casper), the queue roster, reservations and the per-user and project rows.
 */
public final class PbsSource implements SchedulerSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CollectorConfig config;
    private final Commands commands;
    private final ZoneId zone;

    public PbsSource(CollectorConfig config, Commands commands, ZoneId zone) {
        this.config = config;
        this.commands = commands;
        this.zone = zone;
    }

    @Override
    public void nodes(Collection into) {
        JsonNode json = json(into, "node counts, cores and GPUs", "pbsnodes", "-a", "-F", "json");
        if (json == null || !json.path("nodes").isObject()) {
            into.nodeCountsMissing(config.systemKind());
            return;
        }
        Map<String, NodeTally> classes = new LinkedHashMap<>();
        Map<String, NodeTally> types = new TreeMap<>();
        NodeTally all = new NodeTally("all");
        for (Map.Entry<String, JsonNode> entry : json.path("nodes").properties()) {
            PbsNode node = PbsNode.of(entry.getKey(), entry.getValue(), config.pbsNodeTypeResource());
            String nodeClass = classOf(node);
            if (nodeClass != null) {
                node.addTo(classes.computeIfAbsent(nodeClass, NodeTally::new));
                node.addTo(all);
            }
            if (config.systemKind().equals("heterogeneous-cluster") && node.type() != null) {
                node.addTo(types.computeIfAbsent(node.type(), NodeTally::new));
            }
        }
        ObjectNode p = into.payload;
        for (String prefix : List.of("cpu", "gpu", "viz")) {
            NodeTally counts = classes.get(prefix);
            if (counts != null) {
                counts.writeNodes(p, prefix);
            } else if (!prefix.equals("viz")) {
                counts = new NodeTally(prefix);
                counts.writeNodes(p, prefix);  // a class with no node is 0 nodes, counted: not a failed query
            }
        }
        all.writeUtilization(p);
        if (!types.isEmpty()) {
            ArrayNode rows = p.putArray("node_types");
            types.values().forEach(type -> type.writeType(rows.addObject()));
        }
    }

    /** "cpu", "gpu" or "viz" by the node's queue, else by whether it has GPUs; null for a node of none of them. */
    private String classOf(PbsNode node) {
        Set<String> cpu = Set.copyOf(config.cpuPartitions());
        Set<String> gpu = Set.copyOf(config.gpuPartitions());
        Set<String> viz = Set.copyOf(config.vizPartitions());
        if (!node.queues().isEmpty()) {
            if (node.queues().stream().anyMatch(viz::contains)) {
                return "viz";
            }
            if (node.queues().stream().anyMatch(gpu::contains)) {
                return "gpu";
            }
            if (cpu.isEmpty() || node.queues().stream().anyMatch(cpu::contains)) {
                return "cpu";
            }
            return null;
        }
        return node.gpus() > 0 ? "gpu" : "cpu";
    }

    @Override
    public Map<String, QueueLoad> jobs(Collection into) {
        List<String> command = config.collectWaits() ? List.of("qstat", "-x", "-t", "-f", "-F", "json")
                : List.of("qstat", "-t", "-f", "-F", "json");
        JsonNode json = json(into, "jobs and queues", command.toArray(String[]::new));
        if (json == null) {
            into.jobCountsMissing();
            return null;
        }
        JobTally tally = new JobTally();
        Map<String, List<Long>> waits = new TreeMap<>();
        LocalDateTime since = LocalDateTime.now(zone).minusHours(1);
        for (Map.Entry<String, JsonNode> entry : json.path("Jobs").properties()) {
            PbsJob pbs = PbsJob.of(entry.getKey(), entry.getValue());
            if (pbs.arrayParent()) {
                continue;  // its subjobs are listed one by one (-t)
            }
            if (pbs.started() != null && pbs.queued() != null && !pbs.started().isBefore(since)) {
                waits.computeIfAbsent(pbs.job().queue(), k -> new ArrayList<>())
                        .add(Math.max(0, Duration.between(pbs.queued(), pbs.started()).toMinutes()));
            }
            if (pbs.finished()) {
                continue;
            }
            tally.add(pbs.job());
        }
        tally.writeTo(into.payload);
        Map<String, QueueLoad> queues = tally.queues();
        if (config.collectWaits()) {
            waits.forEach((queue, minutes) -> queues.computeIfAbsent(queue, QueueLoad::new).waits(minutes));
        }
        return queues;
    }

    @Override
    public void roster(Collection into, Map<String, QueueLoad> queues) {
        JsonNode json = json(into, "queue roster", "qstat", "-Q", "-f", "-F", "json");
        if (json == null) {
            return;
        }
        ArrayNode roster = into.payload.putArray("queue_definitions");
        for (Map.Entry<String, JsonNode> entry : json.path("Queue").properties()) {
            JsonNode queue = entry.getValue();
            ObjectNode row = roster.addObject();
            row.put("queue_name", entry.getKey());
            if (queue.hasNonNull("queue_type")) {
                row.put("queue_type", queue.get("queue_type").asText());
            }
            row.put("enabled", PbsJob.flag(queue.path("enabled")));
            row.put("started", PbsJob.flag(queue.path("started")));
            if (queue.path("total_jobs").canConvertToInt()) {
                row.put("total_jobs", queue.path("total_jobs").asInt());
            }
        }
    }

    @Override
    public void reservations(Collection into) {
        Commands.Result result = commands.run("pbs_rstat", "-f");
        if (!result.ok()) {
            into.missing("reservations", result);
            return;
        }
        List<ObjectNode> rows = PbsReservations.parse(result.output(), zone);
        if (!rows.isEmpty()) {
            ArrayNode array = into.payload.putArray("reservations");
            rows.forEach(array::add);
        }
    }

    /** A command's JSON output; null (and noted) when it failed or printed something else. */
    private JsonNode json(Collection into, String what, String... command) {
        Commands.Result result = commands.run(command);
        if (!result.ok()) {
            into.missing(what, result);
            return null;
        }
        try {
            return JSON.readTree(result.output());
        } catch (Exception e) {
            into.missing(what + " (" + command[0] + " printed no JSON: " + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
            return null;
        }
    }
}
