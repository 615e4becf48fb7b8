package org.hpcstatus.ingest;

import static org.hpcstatus.snapshot.SnapshotFields.FILESYSTEMS;
import static org.hpcstatus.snapshot.SnapshotFields.LOGIN_NODES;
import static org.hpcstatus.snapshot.SnapshotFields.NODE_TYPES;
import static org.hpcstatus.snapshot.SnapshotFields.QUEUES;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.NodeTypeStatus;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.SnapshotFields;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemKind;

/** Validates a status post for one system against that system's kind, before anything touches the database. */
@ApplicationScoped
public class SnapshotParser {

    static final String TIMESTAMP = "timestamp";

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    public SnapshotReport parse(ConfiguredSystem system, JsonNode body) {
        SystemKind kind = system.kind();
        PayloadReader reader = new PayloadReader(config.ingest().naiveTimestampZone());
        Instant now = Timestamps.truncate(clock.instant());

        Snapshot snapshot = reader.read(body, "", SnapshotFields.forKind(kind), arraysOf(kind), new Snapshot());
        Instant observedAt = reader.readTimestamp(body, TIMESTAMP);
        boolean cluster = kind != SystemKind.JUPYTERHUB;
        List<Field<LoginNodeStatus>> loginNodeFields = SnapshotFields.loginNodeFields(kind);
        List<LoginNodeStatus> loginNodes = cluster ? reader.readArray(body, LOGIN_NODES, loginNodeFields, LoginNodeStatus::new)
                : List.of();
        List<QueueStatus> queues = cluster ? reader.readArray(body, QUEUES, SnapshotFields.QUEUE, QueueStatus::new) : List.of();
        List<FilesystemStatus> filesystems = cluster
                ? reader.readArray(body, FILESYSTEMS, SnapshotFields.FILESYSTEM, FilesystemStatus::new)
                : List.of();
        List<NodeTypeStatus> nodeTypes = kind == SystemKind.HETEROGENEOUS_CLUSTER
                ? reader.readArray(body, NODE_TYPES, SnapshotFields.NODE_TYPE, NodeTypeStatus::new)
                : List.of();
        if (kind == SystemKind.HETEROGENEOUS_CLUSTER) {
            deriveAggregates(snapshot, reader);
        }
        rejectDuplicateNames(reader, LOGIN_NODES, "node_name", loginNodes, n -> n.nodeName);
        rejectDuplicateNames(reader, QUEUES, "queue_name", queues, q -> q.queueName);
        rejectDuplicateNames(reader, FILESYSTEMS, "filesystem_name", filesystems, f -> f.filesystemName);
        rejectDuplicateNames(reader, NODE_TYPES, "node_type", nodeTypes, t -> t.nodeType);
        if (observedAt != null && observedAt.isAfter(now.plus(config.ingest().maxFutureSkew()))) {
            reader.problem("timestamp " + observedAt + " is more than " + config.ingest().maxFutureSkew().toMinutes()
                    + " minutes in the future: check the collector's clock and time zone");
        }
        reader.throwIfInvalid();

        snapshot.systemId = system.id();
        snapshot.observedAt = observedAt == null ? now : observedAt;
        snapshot.receivedAt = now;
        // Identifies the content, so an identical retry can be told from a conflicting one.
        snapshot.contentHash = new ContentHash()
                .add("snapshot", snapshot, SnapshotFields.forKind(kind))
                .addAll(LOGIN_NODES, loginNodes, loginNodeFields)
                .addAll(QUEUES, queues, SnapshotFields.QUEUE)
                .addAll(FILESYSTEMS, filesystems, SnapshotFields.FILESYSTEM)
                .addAll(NODE_TYPES, nodeTypes, SnapshotFields.NODE_TYPE)
                .hex();
        return new SnapshotReport(system, snapshot, loginNodes, queues, filesystems, nodeTypes, reader.ignored());
    }

    private static Set<String> arraysOf(SystemKind kind) {
        return switch (kind) {
            case CLUSTER -> Set.of(TIMESTAMP, LOGIN_NODES, QUEUES, FILESYSTEMS);
            case HETEROGENEOUS_CLUSTER -> Set.of(TIMESTAMP, LOGIN_NODES, QUEUES, FILESYSTEMS, NODE_TYPES);
            case JUPYTERHUB -> Set.of(TIMESTAMP);
        };
    }

    /**
     * Deployed Casper collectors send Derecho-style partition fields instead of the guide's compute_nodes_* and
     * aggregate percents; the dashboard needs the aggregates, so they are summed from the partitions when absent.
     */
    private static void deriveAggregates(Snapshot s, PayloadReader reader) {
        if (s.computeNodesTotal == null) {
            s.computeNodesTotal = sum(s.cpuNodesTotal, s.gpuNodesTotal, s.vizNodesTotal);
        }
        if (s.computeNodesAvailable == null) {
            s.computeNodesAvailable = sum(s.cpuNodesAvailable, s.gpuNodesAvailable, s.vizNodesAvailable);
        }
        if (s.computeNodesDown == null) {
            s.computeNodesDown = sum(s.cpuNodesDown, s.gpuNodesDown, s.vizNodesDown);
        }
        if (s.computeNodesTotal == null) {
            reader.missing("compute_nodes_total (or cpu_nodes_total/gpu_nodes_total/viz_nodes_total)");
        }
        if (s.computeNodesAvailable == null) {
            reader.missing("compute_nodes_available (or cpu_nodes_available/gpu_nodes_available/viz_nodes_available)");
        }
        if (s.cpuUtilizationPercent == null) {
            s.cpuUtilizationPercent = percent(s.cpuCoresAllocated, s.cpuCoresTotal);
        }
        if (s.gpuUtilizationPercent == null) {
            s.gpuUtilizationPercent = percent(s.gpuCountAllocated, s.gpuCountTotal);
        }
        if (s.memoryUtilizationPercent == null && s.memoryAllocatedGb != null && s.memoryTotalGb != null
                && s.memoryTotalGb > 0) {
            s.memoryUtilizationPercent = Math.min(100.0, Math.round(1000.0 * s.memoryAllocatedGb / s.memoryTotalGb) / 10.0);
        }
    }

    private static Integer sum(Integer... parts) {
        if (Stream.of(parts).allMatch(java.util.Objects::isNull)) {
            return null;
        }
        long total = Stream.of(parts).filter(java.util.Objects::nonNull).mapToLong(Integer::longValue).sum();
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    private static Double percent(Integer allocated, Integer total) {
        if (allocated == null || total == null || total == 0) {
            return null;
        }
        return Math.min(100.0, Math.round(1000.0 * allocated / total) / 10.0);
    }

    private static <E> void rejectDuplicateNames(PayloadReader reader, String array, String field, List<E> rows,
            Function<E, String> name) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String value = name.apply(rows.get(i));
            if (value != null && !seen.add(value.toLowerCase(java.util.Locale.ROOT))) {
                reader.problem(array + "[" + i + "]." + field + " '" + value + "' appears more than once");
            }
        }
    }
}
