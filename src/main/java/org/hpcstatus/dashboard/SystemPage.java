package org.hpcstatus.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hpcstatus.chart.Charts;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.dashboard.DashboardViews.AvailabilityView;
import org.hpcstatus.dashboard.DashboardViews.Card;
import org.hpcstatus.dashboard.DashboardViews.DayCell;
import org.hpcstatus.dashboard.DashboardViews.Detail;
import org.hpcstatus.dashboard.DashboardViews.Figure;
import org.hpcstatus.dashboard.DashboardViews.FilesystemRow;
import org.hpcstatus.dashboard.DashboardViews.HubNodeRow;
import org.hpcstatus.dashboard.DashboardViews.LoginNodeGroup;
import org.hpcstatus.dashboard.DashboardViews.LoginNodeRow;
import org.hpcstatus.dashboard.DashboardViews.NodeTypeRow;
import org.hpcstatus.dashboard.DashboardViews.Percent;
import org.hpcstatus.dashboard.DashboardViews.QueueDefinitionRow;
import org.hpcstatus.dashboard.DashboardViews.QueueRow;
import org.hpcstatus.dashboard.DashboardViews.RejectionNotice;
import org.hpcstatus.dashboard.DashboardViews.UserLoadView;
import org.hpcstatus.history.FillTrend;
import org.hpcstatus.history.History;
import org.hpcstatus.history.UserLoad;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.kind.Utilization;
import org.hpcstatus.live.Changes;
import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.QueueDefinition;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.status.Availability;
import org.hpcstatus.status.PostRejection;
import org.hpcstatus.status.StateRules;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.status.SystemStatus;
import org.hpcstatus.system.ConfiguredSystem;

/**
 * A system's page: its card, what is wrong with its collector, every table of its newest snapshot, its outages and
 * what is coming, its availability, the filesystems' fill estimates and, for a login with the permission, the load
 * by user and project. Its charts are chart.ChartPages'.
 */
@ApplicationScoped
class SystemPage {

    @Inject
    StatusBoard board;

    @Inject
    Cards cards;

    @Inject
    History history;

    @Inject
    UserLoad userLoad;

    @Inject
    Changes changes;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** Fill estimates read 30 days of summaries: computed once per change, for a minute at most. */
    private final Cache<String, Map<String, String>> fillEstimates = Caffeine.newBuilder().maximumSize(200)
            .expireAfterWrite(Duration.ofSeconds(60)).build();

    /** One read-only transaction; the per-user load (personal data) only when {@code withUserInfo}. */
    @Transactional
    Detail build(ConfiguredSystem system, boolean withUserInfo) {
        SystemStatus status = board.of(system);
        Card card = cards.card(status);
        LatestSnapshot latest = status.latest();
        PostRejection run = status.rejection();
        RejectionNotice rejection = run == null ? null
                : new RejectionNotice(cards.local(run.firstAt), run.rejections, run.lastError);
        var outages = cards.outageRows(status.activeOutages());
        var upcoming = cards.upcoming(status.upcoming(), Cards.reservationsOf(status).toList(), clock.instant());
        if (latest == null) {
            return Detail.withoutData(card, rejection, outages, upcoming, availability(system));
        }
        Snapshot s = latest.snapshot();
        KindProfile kind = KindProfile.of(system.kind());
        // The figures' sudden drop is one of the state's reasons already, said above.
        List<String> warnings = s.warnings == null ? List.of() : Arrays.stream(s.warnings.split("\n"))
                .filter(w -> !w.startsWith(StateRules.DROPPED_FIGURES)).toList();
        int max = config.dashboard().maxTableRows();
        Map<String, String> fills = fillEstimates.get(system.name() + '\0' + changes.version(), k -> fills(system));
        return new Detail(card, warnings, rejection,
                loginNodeGroups(kind, latest.loginNodes(), max),
                Utilization.drawable(kind.detailUtilization(s)),
                kind.sessionBreakdown(s).stream().map(f -> new Figure(f.label(), f.value(), null)).toList(),
                TableRows.first(latest.hubNodes(), max, n -> new HubNodeRow(n.name, n.state, n.jobsRunning,
                        n.jobsTotal, n.cpusUsed, n.cpusTotal, n.gpusUsed, n.gpusTotal, n.memoryUsedGb, n.memoryTotalGb)),
                TableRows.first(latest.queueDefinitions(), max, q -> new QueueDefinitionRow(q.queueName, q.queueType,
                        QueueLoads.status(q), q.totalJobs)),
                withUserInfo ? QueueLoads.top(latest.userLoads()) : List.of(),
                TableRows.first(latest.queues(), max, q -> queue(q, latest.queueDefinitions())),
                TableRows.first(latest.filesystems(), max, f -> filesystem(f, fills.get(f.filesystemName))),
                TableRows.first(latest.nodeTypes(), max, t -> new NodeTypeRow(t.nodeType, t.nodesTotal,
                        t.nodesAvailable, t.nodesDown, t.nodesAllocated, t.coresPerNode, t.memoryGbPerNode, t.gpuModel,
                        t.gpusPerNode, t.utilizationPercent, t.memoryUtilizationPercent)),
                outages, upcoming, availability(system));
    }

    /** Core-hours by user and project over the range, or over the spans' retention window when that is shorter. */
    UserLoadView userLoad(ConfiguredSystem system, Charts.Range range) {
        Instant now = clock.instant();
        Duration kept = config.history().userLoadRetention();
        boolean cut = range.span.compareTo(kept) > 0;
        Duration span = cut ? kept : range.span;
        String over = cut ? "the last " + kept.toDays() + " days (per-user data is kept that long)" : range.words;
        return new UserLoadView(over, userLoad.over(system, now.minus(span), now));
    }

    private AvailabilityView availability(ConfiguredSystem system) {
        Availability.Report report = board.availability(system);
        List<DayCell> days = report.days().stream().map(d -> new DayCell(d.date().toString(),
                d.state().name().toLowerCase(Locale.ROOT),
                d.date() + ": " + switch (d.state()) {
                    case NO_DATA -> "no data (before this system's first report)";
                    case OK -> "no outage";
                    case MAINTENANCE -> "maintenance";
                    case DEGRADED -> "degraded (minor outage)";
                    case DOWN -> "down (major or critical outage)";
                })).toList();
        long down = report.days().stream().filter(d -> d.state() == Availability.DayState.DOWN).count();
        long degraded = report.days().stream().filter(d -> d.state() == Availability.DayState.DEGRADED).count();
        long noData = report.days().stream().filter(d -> d.state() == Availability.DayState.NO_DATA).count();
        String summary = "Last " + days.size() + " days: " + down + " with a major or critical outage, " + degraded
                + " degraded" + (noData == 0 ? "" : ", " + noData + " before the first report (no data)");
        List<Percent> percents = report.percentByWindow().entrySet().stream()
                .map(e -> new Percent(e.getKey() + " days", e.getValue() == null ? "no data"
                        : String.format(Locale.US, "%.2f %%", e.getValue()),
                        over(e.getKey(), report.measuredDays().get(e.getKey()))))
                .toList();
        return new AvailabilityView(percents, days, summary);
    }

    /** "over 7 days", or over what part of the window had data: "over 3 days", "over less than a day". */
    static String over(int window, Double measured) {
        if (measured == null || measured <= 0) {
            return null;
        }
        if (measured >= window - 0.01) {
            return "over " + window + " days";
        }
        long days = Math.round(Math.floor(measured));
        return days < 1 ? "over less than a day (data since then)" : "over " + days + (days == 1 ? " day" : " days")
                + " (data since then)";
    }

    private static List<LoginNodeGroup> loginNodeGroups(KindProfile kind, List<LoginNodeStatus> nodes, int max) {
        return kind.loginNodeGroups(nodes).entrySet().stream().map(group -> new LoginNodeGroup(group.getKey(),
                TableRows.first(group.getValue(), max, SystemPage::loginNode))).toList();
    }

    private static LoginNodeRow loginNode(LoginNodeStatus n) {
        return new LoginNodeRow(n.nodeName, n.nodeType, !n.available ? "inaccessible" : n.degraded ? "degraded"
                : "available", n.userCount, n.load1min, n.load5min, n.load15min, n.numCpus);
    }

    private static QueueRow queue(QueueStatus q, List<QueueDefinition> roster) {
        String status = roster.stream().filter(d -> d.queueName.equalsIgnoreCase(q.queueName)).findFirst()
                .map(QueueLoads::status).filter(word -> !word.equals(QueueLoads.ENABLED)).orElse(null);
        return new QueueRow(q.queueName, status, q.runningJobs, q.pendingJobs, q.heldJobs, q.activeUsers,
                q.coresAllocated, q.gpusAllocated, q.nodesAllocated, q.coresPending, q.gpusPending,
                q.jobsStartedLastHour, q.waitMedianMinutes, q.waitP90Minutes);
    }

    private static FilesystemRow filesystem(FilesystemStatus f, String fullIn) {
        Double inodesPercent = f.inodesUtilizationPercent != null ? f.inodesUtilizationPercent
                : f.usedInodes == null ? null : usedPercent(f.usedInodes.doubleValue(),
                        f.capacityInodes == null ? null : f.capacityInodes.doubleValue());
        return new FilesystemRow(f.filesystemName, !f.available ? "unavailable" : f.degraded ? "degraded" : "available",
                f.capacityTb, f.usedTb, f.utilizationPercent != null ? f.utilizationPercent
                        : usedPercent(f.usedTb, f.capacityTb),
                f.usedInodes, f.capacityInodes, inodesPercent, fullIn == null ? "not enough history yet" : fullIn);
    }

    /**
     * Per filesystem: "in 43 days" at the last 30 days' pace (history.FillTrend), "not growing", or "not enough
     * history yet"; one query for all of them.
     */
    private Map<String, String> fills(ConfiguredSystem system) {
        Instant now = clock.instant();
        Optional<SeriesScope.Metric> used = SeriesScope.FILESYSTEM.metrics(system.kind()).stream()
                .filter(m -> m.name().equals("utilization_percent")).findFirst();
        if (used.isEmpty()) {
            return Map.of();
        }
        Map<String, String> fills = new HashMap<>();
        history.readAll(system, SeriesScope.FILESYSTEM, used.get(), now.minus(FillTrend.WINDOW), now)
                .forEach((name, series) -> fills.put(name, fullIn(series)));
        return fills;
    }

    private static String fullIn(History.Series series) {
        if (!FillTrend.enoughData(series.points())) {
            return "not enough history yet";
        }
        return FillTrend.of(series.points()).map(e -> e.daysUntilFull() < 1 ? "within a day"
                : e.daysUntilFull() > 3650 ? "not within 10 years" : "in " + Math.round(e.daysUntilFull()) + " days"
                        + " (+" + String.format(Locale.ENGLISH, "%.2f", e.percentPerDay()) + " % a day)")
                .orElse("not growing");
    }

    private static Double usedPercent(Double used, Double capacity) {
        return used == null || capacity == null || capacity <= 0 ? null : Math.min(100.0, 100.0 * used / capacity);
    }
}
