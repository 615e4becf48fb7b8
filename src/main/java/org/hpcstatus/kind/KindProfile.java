package org.hpcstatus.kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hpcstatus.contract.Field;
import org.hpcstatus.contract.PayloadReader;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.system.SystemKind;

/**
 * Everything that differs between system kinds, in one place per kind: what its collector posts, what is derived
 * from it, how its availability is judged and which figures its card and page show. Validation, storage, the read
 * API, the state rules and the dashboard ask the profile and never branch on the kind themselves, so a new kind is a
 * new profile plus one line in {@link #of}, whose switch the compiler checks for completeness.
 */
public sealed interface KindProfile permits ClusterProfile, HeterogeneousClusterProfile, JupyterHubProfile {

    static KindProfile of(SystemKind kind) {
        return switch (kind) {
            case CLUSTER -> ClusterProfile.INSTANCE;
            case HETEROGENEOUS_CLUSTER -> HeterogeneousClusterProfile.INSTANCE;
            case JUPYTERHUB -> JupyterHubProfile.INSTANCE;
        };
    }

    /**
     * The guide's example system of this kind, as people name it ("Derecho"): the API reference shows its post,
     * docs/examples/{name in lower case}-guide.json.
     */
    String exampleSystem();

    /** The system-wide fields of a post, in storage and read-back order. */
    List<Field<Snapshot>> fields();

    /** The child arrays a post may carry, in {@link ChildArray#ALL}'s order; any other array is listed as ignored. */
    List<ChildArray<?>> arrays();

    /**
     * The fields of one row of {@code array}, as this kind's posts must carry them: the array's own, unless the kind
     * requires more (Derecho's login nodes must say their type).
     */
    default <E> List<Field<E>> fieldsOf(ChildArray<E> array) {
        return array.fields();
    }

    /** Fills in aggregates a post left out and records rules that span several fields; runs before storing. */
    default void derive(Snapshot snapshot, PayloadReader reader) {
    }

    /** The charts of its history a system page draws, in order (the login nodes' load follows where posted). */
    List<ChartSpec> charts();

    /** The node partitions a card shows, in order. */
    List<Partition> partitions(Snapshot snapshot);

    /** The partitions whose low availability makes the system degraded. */
    default List<Partition> judgedPartitions(Snapshot snapshot) {
        return partitions(snapshot);
    }

    /** All compute nodes together, for "no compute node is available"; empty for a kind without compute nodes. */
    Optional<Partition> computeNodes(Snapshot snapshot);

    /** Why the system's own report says it is down (a service that reports itself unavailable), in words. */
    default List<String> selfReportedDown(Snapshot snapshot) {
        return List.of();
    }

    /**
     * The figures that say the system is being used (users, servers, running jobs): a collector whose command failed
     * sends them all as 0 at once, where a quiet night lowers them over several snapshots.
     */
    default List<String> activityFigures() {
        return List.of("running_jobs", "active_users");
    }

    /**
     * Whether jobs share nodes (Casper, a hub's nodes): a node the collector counts as available then has free cores,
     * and may well be running jobs; on an exclusive-node cluster it has no job at all (idle).
     */
    default boolean sharesNodes() {
        return false;
    }

    /** Whether this kind's collector reports the service's own state (up or down), as a hub does. */
    default boolean reportsServiceState() {
        return false;
    }

    /**
     * Whether the service is up, by its own word or by what its collector saw it do; null for kinds without a
     * service of their own, or when nothing says either way.
     */
    default Boolean serviceAvailable(Snapshot snapshot) {
        return null;
    }

    /** The headline numbers of a card: jobs, or users and sessions. */
    List<Figure> headline(Snapshot snapshot);

    /** The utilization bars of a card. */
    List<Utilization> utilization(Snapshot snapshot);

    /** The utilization bars of the system's page: the card's and any more. */
    default List<Utilization> detailUtilization(Snapshot snapshot) {
        return utilization(snapshot);
    }

    /** What a hub's sessions run as (jobs by where they run); empty for kinds without sessions. */
    default List<Figure> sessionBreakdown(Snapshot snapshot) {
        return List.of();
    }

    /** Login nodes grouped under headings, in page order. */
    default Map<String, List<LoginNodeStatus>> loginNodeGroups(List<LoginNodeStatus> nodes) {
        Map<String, List<LoginNodeStatus>> groups = new LinkedHashMap<>();
        if (!nodes.isEmpty()) {
            groups.put("Login nodes", nodes);
        }
        return groups;
    }
}
