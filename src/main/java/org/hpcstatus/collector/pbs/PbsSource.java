package org.hpcstatus.collector.pbs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.collector.Collection;
import org.hpcstatus.collector.Commands;
import org.hpcstatus.collector.Job;
import org.hpcstatus.collector.NodeState;
import org.hpcstatus.collector.QueueLoad;
import org.hpcstatus.collector.config.CollectorConfig;

/**
 * Reads a PBS Pro / OpenPBS cluster through its JSON output (PBS Pro 2021 and later): nodes ({@code pbsnodes -a -F
 * json}), jobs with their array subjobs ({@code qstat -t -f -F json}, with {@code -x} for the finished jobs whose
 * waits it reports), queues ({@code qstat -Q -f -F json}) and reservations ({@code pbs_rstat -f}). It sends what the
 * deployed NCAR collectors send: node counts by state per class, cores, GPUs and memory, jobs, per-queue rows, node
 * types (Casper), the queue roster, reservations and the per-user and project rows.
 */
public final class PbsSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CollectorConfig config;
    private final Commands commands;
    private final ZoneId zone;

    public PbsSource(CollectorConfig config, Commands commands, ZoneId zone) {
        this.config = config;
        this.commands = commands;
        this.zone = zone;
    }

    public void collect(Collection into) {
        nodes(into);
        Map<String, QueueLoad> queues = jobs(into);
        roster(into, queues);
        reservations(into);
        if (queues != null && !queues.isEmpty()) {
            ArrayNode array = into.payload.putArray("queues");
            queues.values().forEach(queue -> queue.writeTo(array.addObject()));
        }
    }

    private void nodes(Collection into) {
        JsonNode json = json(into, "node counts, cores and GPUs", "pbsnodes", "-a", "-F", "json");
        if (json == null || !json.path("nodes").isObject()) {
            into.nodeCountsMissing(config.systemKind(), commands.results().get(commands.results().size() - 1));
            return;
        }
        Map<String, PbsNodeClass> classes = new LinkedHashMap<>();
        Map<String, PbsNodeClass> types = new TreeMap<>();
        PbsNodeClass all = new PbsNodeClass("all");
        for (Map.Entry<String, JsonNode> entry : json.path("nodes").properties()) {
            PbsNode node = PbsNode.of(entry.getKey(), entry.getValue(), config.pbsNodeTypeResource());
            String nodeClass = classOf(node);
            if (nodeClass != null) {
                classes.computeIfAbsent(nodeClass, PbsNodeClass::new).add(node);
                all.add(node);
            }
            if (config.systemKind().equals("heterogeneous-cluster") && node.type() != null) {
                types.computeIfAbsent(node.type(), PbsNodeClass::new).add(node);
            }
        }
        ObjectNode p = into.payload;
        for (String prefix : List.of("cpu", "gpu", "viz")) {
            PbsNodeClass counts = classes.get(prefix);
            if (counts != null) {
                counts.writeNodes(p, prefix);
            } else if (!prefix.equals("viz")) {
                counts = new PbsNodeClass(prefix);
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

    private Map<String, QueueLoad> jobs(Collection into) {
        List<String> command = config.collectWaits() ? List.of("qstat", "-x", "-t", "-f", "-F", "json")
                : List.of("qstat", "-t", "-f", "-F", "json");
        JsonNode json = json(into, "jobs and queues", command.toArray(String[]::new));
        if (json == null) {
            into.jobCountsMissing(commands.results().get(commands.results().size() - 1));
            return null;
        }
        Map<String, QueueLoad> queues = new TreeMap<>();
        QueueLoad total = new QueueLoad("");
        Map<List<String>, QueueLoad> perUser = new LinkedHashMap<>();
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
            Job job = pbs.job();
            total.add(job);
            queues.computeIfAbsent(job.queue(), QueueLoad::new).add(job);
            perUser.computeIfAbsent(List.of(job.user(), job.project(), job.queue()), k -> new QueueLoad(k.get(2)))
                    .add(job);
        }
        into.payload.put("running_jobs", total.running);
        into.payload.put("pending_jobs", total.pending);
        into.payload.put("held_jobs", total.held);
        into.payload.put("active_users", total.users());
        if (config.collectWaits()) {
            waits.forEach((queue, minutes) -> queues.computeIfAbsent(queue, QueueLoad::new).waits(minutes));
        }
        if (!perUser.isEmpty()) {
            ArrayNode rows = into.payload.putArray("user_project_queues");
            perUser.forEach((key, load) -> load.writeUserRow(rows.addObject(), key.get(0), key.get(1)));
        }
        return queues;
    }

    private void roster(Collection into, Map<String, QueueLoad> queues) {
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

    private void reservations(Collection into) {
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

    /** How PBS counts a node's state for the page; see {@link NodeState}. */
    static NodeState stateOf(String pbsState, boolean hasJobs, boolean partlyUsed) {
        Set<String> states = Set.of(pbsState.toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        boolean down = states.stream().anyMatch(s -> Set.of("down", "state-unknown", "stale", "unresolvable",
                "provisioning", "wait-provisioning", "initializing", "maintenance", "sleep", "unknown").contains(s));
        if (down) {
            return NodeState.DOWN;
        }
        if (states.contains("offline")) {
            return hasJobs ? NodeState.BUSY : NodeState.DOWN;  // offline with jobs: draining, still running them
        }
        if (states.contains("resv-exclusive")) {
            return NodeState.RESERVED;
        }
        if (states.contains("job-busy") || states.contains("job-exclusive") || states.contains("busy")
                || states.contains("job-sharing")) {
            return NodeState.BUSY;
        }
        if (states.contains("free")) {
            return hasJobs || partlyUsed ? NodeState.BUSY : NodeState.IDLE;
        }
        return NodeState.DOWN;
    }
}
