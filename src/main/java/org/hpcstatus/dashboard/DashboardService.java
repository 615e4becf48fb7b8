package org.hpcstatus.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.dashboard.DashboardViews.Card;
import org.hpcstatus.dashboard.DashboardViews.Detail;
import org.hpcstatus.dashboard.DashboardViews.Figure;
import org.hpcstatus.dashboard.DashboardViews.FilesystemRow;
import org.hpcstatus.dashboard.DashboardViews.LoginNodeGroup;
import org.hpcstatus.dashboard.DashboardViews.LoginNodeRow;
import org.hpcstatus.dashboard.DashboardViews.NodeTypeRow;
import org.hpcstatus.dashboard.DashboardViews.OutageRow;
import org.hpcstatus.dashboard.DashboardViews.PartitionRow;
import org.hpcstatus.dashboard.DashboardViews.QueueRow;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageFields;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.Freshness;
import org.hpcstatus.snapshot.KindProfile;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.SnapshotQueries;
import org.hpcstatus.snapshot.StateRules;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.Page;

/** Builds the dashboard's views from the latest pointers and the active outages; never reads history. */
@ApplicationScoped
public class DashboardService {

    /** Enough for any real banner; a runaway collector opening outages must not make the page unbounded. */
    private static final int MAX_ACTIVE_OUTAGES = 200;

    @Inject
    SystemCatalog systems;

    @Inject
    SnapshotQueries snapshots;

    @Inject
    OutageService outages;

    @Inject
    StateRules rules;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    public record Overview(Page page, List<Card> cards, List<OutageRow> outages) {
    }

    /** One read-only transaction per page: the pointers, the outages, and snapshots not read before. */
    @Transactional
    public Overview overview() {
        Instant now = clock.instant();
        List<Outage> active = activeOutages(Optional.empty());
        List<Card> cards = new ArrayList<>();
        var latest = snapshots.latest(systems.all());
        for (ConfiguredSystem system : systems.all()) {
            cards.add(card(system, latest.get(system.id()), forSystem(active, system), now));
        }
        return new Overview(page("HPC system status", now), cards, rows(active));
    }

    @Transactional
    public Detail detail(ConfiguredSystem system) {
        Instant now = clock.instant();
        List<Outage> active = activeOutages(Optional.of(system));
        LatestSnapshot latest = snapshots.latest(system).orElse(null);
        Card card = card(system, latest, active, now);
        if (latest == null) {
            return new Detail(card, List.of(), List.of(), List.of(), List.of(), List.of(), rows(active));
        }
        Snapshot s = latest.snapshot();
        KindProfile kind = KindProfile.of(system.kind());
        return new Detail(card, loginNodeGroups(kind, latest.loginNodes()), kind.detailUtilization(s),
                latest.queues().stream().map(DashboardService::queue).toList(),
                latest.filesystems().stream().map(DashboardService::filesystem).toList(),
                latest.nodeTypes().stream().map(t -> new NodeTypeRow(t.nodeType, t.nodesTotal, t.nodesAvailable,
                        t.nodesDown, t.nodesAllocated, t.coresPerNode, t.memoryGbPerNode, t.gpuModel, t.gpusPerNode,
                        t.utilizationPercent, t.memoryUtilizationPercent)).toList(),
                rows(active));
    }

    public Page page(String title) {
        return page(title, clock.instant());
    }

    private Page page(String title, Instant now) {
        return Page.of(title, config.dashboard(), now);
    }

    private Card card(ConfiguredSystem system, LatestSnapshot latest, List<Outage> active, Instant now) {
        Instant observed = latest == null ? null : latest.snapshot().observedAt;
        Freshness freshness = Freshness.of(observed, now, system.staleAfter());
        StateRules.Verdict verdict = rules.judge(latest, freshness, active, now);
        long age = observed == null ? 0 : Math.max(0, Duration.between(observed, now).toSeconds());
        if (latest == null) {
            return new Card(system.name(), system.displayName(), verdict.state(), verdict.reasons(), verdict.notes(),
                    freshness, null, 0, null, List.of(), List.of(), List.of(), List.of());
        }
        Snapshot s = latest.snapshot();
        KindProfile kind = KindProfile.of(system.kind());
        List<Figure> figures = new ArrayList<>();
        if (!latest.loginNodes().isEmpty()) {
            int up = (int) latest.loginNodes().stream().filter(n -> n.available).count();
            figures.add(new Figure("Login nodes", up, latest.loginNodes().size()));
        }
        List<Figure> jobs = kind.headline(s).stream().map(f -> new Figure(f.label(), f.value(), null)).toList();
        return new Card(system.name(), system.displayName(), verdict.state(), verdict.reasons(), verdict.notes(),
                freshness, local(observed), age, service(kind, s), partitions(kind, s), figures, kind.utilization(s), jobs);
    }

    private static String service(KindProfile kind, Snapshot s) {
        if (!kind.reportsServiceState()) {
            return null;
        }
        Boolean available = kind.serviceAvailable(s);
        return available == null ? "Not reported" : available ? "Up" : "Down";
    }

    private static List<PartitionRow> partitions(KindProfile kind, Snapshot s) {
        return kind.partitions(s).stream().map(p -> new PartitionRow(p.label(), p.total(), p.busy(), p.idle(), p.down(),
                p.reserved(), p.counted())).toList();
    }

    private static List<LoginNodeGroup> loginNodeGroups(KindProfile kind, List<LoginNodeStatus> nodes) {
        List<LoginNodeGroup> groups = new ArrayList<>();
        kind.loginNodeGroups(nodes).forEach((heading, members) -> groups.add(
                new LoginNodeGroup(heading, members.stream().map(DashboardService::loginNode).toList())));
        return groups;
    }

    private static LoginNodeRow loginNode(LoginNodeStatus n) {
        return new LoginNodeRow(n.nodeName, n.nodeType, !n.available ? "inaccessible" : n.degraded ? "degraded" : "available",
                n.userCount, n.load1min, n.load5min, n.load15min, n.numCpus);
    }

    private static QueueRow queue(QueueStatus q) {
        return new QueueRow(q.queueName, q.runningJobs, q.pendingJobs, q.heldJobs, q.activeUsers, q.coresAllocated,
                q.gpusAllocated, q.nodesAllocated, q.coresPending, q.gpusPending);
    }

    private static FilesystemRow filesystem(FilesystemStatus f) {
        Double inodesPercent = f.inodesUtilizationPercent != null ? f.inodesUtilizationPercent
                : f.usedInodes == null ? null : usedPercent(f.usedInodes.doubleValue(),
                        f.capacityInodes == null ? null : f.capacityInodes.doubleValue());
        return new FilesystemRow(f.filesystemName, !f.available ? "unavailable" : f.degraded ? "degraded" : "available",
                f.capacityTb, f.usedTb, f.utilizationPercent != null ? f.utilizationPercent : usedPercent(f.usedTb, f.capacityTb),
                f.usedInodes, f.capacityInodes, inodesPercent);
    }

    private List<Outage> activeOutages(Optional<ConfiguredSystem> system) {
        List<Outage> active = new ArrayList<>(outages.list(false, system, MAX_ACTIVE_OUTAGES));
        // Most severe first, then the newest.
        active.sort(Comparator.comparingInt((Outage o) -> OutageFields.SEVERITIES.indexOf(o.severity))
                .thenComparing(o -> o.startTime, Comparator.reverseOrder()));
        return active;
    }

    private static List<Outage> forSystem(List<Outage> active, ConfiguredSystem system) {
        return active.stream().filter(o -> o.systemId == system.id()).toList();
    }

    private List<OutageRow> rows(List<Outage> active) {
        return active.stream().map(o -> new OutageRow(o.id, o.systemName,
                systems.find(o.systemName).map(ConfiguredSystem::displayName).orElse(o.systemName), o.severity, o.status,
                o.component, o.title, o.description, local(o.startTime), local(o.estimatedResolution))).toList();
    }

    private ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(config.dashboard().displayZone());
    }

    private static Double usedPercent(Double used, Double capacity) {
        return used == null || capacity == null || capacity <= 0 ? null : Math.min(100.0, 100.0 * used / capacity);
    }
}
