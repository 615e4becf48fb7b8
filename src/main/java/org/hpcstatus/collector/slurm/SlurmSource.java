package org.hpcstatus.collector.slurm;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Reads a Slurm cluster through its text commands, in formats every Slurm since 20.11 prints: nodes by state, cores
 * and GPUs per node ({@code sinfo -N -O}), jobs ({@code squeue -r -O}, one line per array task), the partitions'
 * roster ({@code scontrol show partition -o}), reservations ({@code scontrol show reservation -o}) and, where
 * accounting runs, how long the jobs that started in the last hour waited ({@code sacct}).
 */
public final class SlurmSource implements SchedulerSource {

    static final String NODES_FORMAT = "NodeList:0|,Partition:0|,StateLong:0|,CPUsState:0|,Gres:0|,GresUsed:0|";
    static final String JOBS_FORMAT = "Partition:0|,StateCompact:0|,UserName:0|,Account:0|,NumCPUs:0|,NumNodes:0|,"
            + "tres-alloc:0|,tres-per-node:0|,Reason:0|";

    private final CollectorConfig config;
    private final Commands commands;
    private final ZoneId zone;

    public SlurmSource(CollectorConfig config, Commands commands, ZoneId zone) {
        this.config = config;
        this.commands = commands;
        this.zone = zone;
    }

    @Override
    public void nodes(Collection into) {
        Commands.Result sinfo = commands.run("sinfo", "-h", "-N", "-O", NODES_FORMAT);
        ObjectNode p = into.payload;
        if (!sinfo.ok()) {
            into.missing("node counts, cores and GPUs", sinfo);
            into.nodeCountsMissing(config.systemKind());
            return;
        }
        Map<String, SlurmNode> nodes = SlurmNode.parse(sinfo.output());
        Set<String> cpuParts = Set.copyOf(config.cpuPartitions());
        Set<String> gpuParts = Set.copyOf(config.gpuPartitions());
        NodeTally cpu = new NodeTally("cpu");
        NodeTally gpu = new NodeTally("gpu");
        NodeTally all = new NodeTally("all");
        for (SlurmNode node : nodes.values()) {
            NodeTally tally = node.partitions().stream().anyMatch(gpuParts::contains) ? gpu
                    : cpuParts.isEmpty() || node.partitions().stream().anyMatch(cpuParts::contains) ? cpu : null;
            if (tally != null) {
                node.addTo(tally);
                node.addTo(all);
            }
        }
        cpu.writeNodes(p, "cpu");
        gpu.writeNodes(p, "gpu");
        all.writeUtilization(p);
    }

    /** Jobs system-wide, per partition and per user, account and partition; null when squeue failed. */
    @Override
    public Map<String, QueueLoad> jobs(Collection into) {
        Commands.Result squeue = commands.run("squeue", "-h", "-a", "-r", "-O", JOBS_FORMAT);
        if (!squeue.ok()) {
            into.missing("jobs and queues", squeue);
            into.jobCountsMissing();
            return null;
        }
        JobTally tally = new JobTally();
        SlurmJobs.parse(squeue.output()).forEach(tally::add);
        tally.writeTo(into.payload);
        Map<String, QueueLoad> queues = tally.queues();
        if (config.collectWaits()) {
            waits(into, queues);
        }
        return queues;
    }

    @Override
    public void roster(Collection into, Map<String, QueueLoad> queues) {
        Commands.Result partitions = commands.run("scontrol", "show", "partition", "-o");
        if (!partitions.ok()) {
            into.missing("queue roster", partitions);
            return;
        }
        ArrayNode roster = into.payload.putArray("queue_definitions");
        for (Map<String, String> partition : KeyValues.lines(partitions.output())) {
            String name = partition.get("PartitionName");
            if (name == null) {
                continue;
            }
            String state = partition.getOrDefault("State", "UP");
            ObjectNode row = roster.addObject();
            row.put("queue_name", name);
            row.put("queue_type", "Execution");
            // Slurm's UP runs and accepts, DOWN accepts but does not start jobs, DRAIN starts but does not accept,
            // INACTIVE does neither: PBS's enabled (accepts) and started (runs).
            row.put("enabled", state.equals("UP") || state.equals("DOWN"));
            row.put("started", state.equals("UP") || state.equals("DRAIN"));
            if (queues != null) {
                QueueLoad load = queues.computeIfAbsent(name, QueueLoad::new);
                row.put("total_jobs", load.running + load.pending + load.held);
            }
        }
    }

    @Override
    public void reservations(Collection into) {
        Commands.Result show = commands.run("scontrol", "show", "reservation", "-o");
        if (!show.ok()) {
            if (show.failure().contains("No reservations")) {
                return;
            }
            into.missing("reservations", show);
            return;
        }
        ArrayNode reservations = into.payload.putArray("reservations");
        for (Map<String, String> reservation : KeyValues.lines(show.output())) {
            String name = reservation.get("ReservationName");
            if (name == null) {
                continue;
            }
            ObjectNode row = reservations.addObject();
            row.put("reservation_name", name);
            putTime(row, "start_time", reservation.get("StartTime"));
            putTime(row, "end_time", reservation.get("EndTime"));
            Integer nodes = integer(reservation.get("NodeCnt"));
            if (nodes != null) {
                row.put("node_count", nodes);
            }
            String partition = reservation.get("PartitionName");
            if (partition != null && !partition.equals("(null)")) {
                row.put("partition", partition);
            }
            String flags = reservation.getOrDefault("Flags", "");
            row.put("description", (flags.contains("MAINT") ? "Maintenance" : "Reservation") + " for "
                    + reservation.getOrDefault("Users", "(null)").replace("(null)", "listed accounts"));
        }
        if (reservations.isEmpty()) {
            into.payload.remove("reservations");
        }
    }

    /** Waits of the jobs that started in the last hour, per partition, from accounting; skipped where it is off. */
    private void waits(Collection into, Map<String, QueueLoad> queues) {
        Commands.Result sacct = commands.run("sacct", "-a", "-X", "-n", "-P", "-S", "now-1hour", "-E", "now",
                "-s", "R,CD,F,TO,CA,PR,NF,OOM", "--format=Partition,Submit,Start");
        if (!sacct.ok()) {
            into.missing("queue waits", sacct);
            return;
        }
        LocalDateTime since = LocalDateTime.now(zone).minusHours(1);
        Map<String, List<Long>> minutes = new LinkedHashMap<>();
        for (String line : sacct.output().lines().toList()) {
            String[] parts = line.split("\\|", -1);
            if (parts.length < 3) {
                continue;
            }
            LocalDateTime submit = time(parts[1]);
            LocalDateTime start = time(parts[2]);
            if (submit == null || start == null || start.isBefore(since)) {
                continue;
            }
            String partition = parts[0].split(",")[0];
            minutes.computeIfAbsent(partition, k -> new ArrayList<>())
                    .add(Math.max(0, Duration.between(submit, start).toMinutes()));
        }
        minutes.forEach((partition, waits) -> queues.computeIfAbsent(partition, QueueLoad::new).waits(waits));
    }

    private void putTime(ObjectNode row, String field, String slurmTime) {
        LocalDateTime time = time(slurmTime);
        if (time != null) {
            row.put(field, time.atZone(zone).toOffsetDateTime().toString());
        }
    }

    /** A Slurm time (local, ISO without zone); null for "N/A", "Unknown", "None" and anything else. */
    static LocalDateTime time(String text) {
        if (text == null || text.isBlank() || !Character.isDigit(text.strip().charAt(0))) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
