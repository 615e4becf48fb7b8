package org.hpcstatus.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hpcstatus.config.Zones;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.dashboard.DashboardViews.AvailabilityView;
import org.hpcstatus.dashboard.DashboardViews.Card;
import org.hpcstatus.dashboard.DashboardViews.ChartsView;
import org.hpcstatus.dashboard.DashboardViews.RangeLink;
import org.hpcstatus.dashboard.DashboardViews.DayCell;
import org.hpcstatus.dashboard.DashboardViews.Percent;
import org.hpcstatus.dashboard.DashboardViews.Detail;
import org.hpcstatus.dashboard.DashboardViews.Figure;
import org.hpcstatus.dashboard.DashboardViews.FilesystemRow;
import org.hpcstatus.dashboard.DashboardViews.HubNodeRow;
import org.hpcstatus.dashboard.DashboardViews.LoginNodeGroup;
import org.hpcstatus.dashboard.DashboardViews.LoginNodeRow;
import org.hpcstatus.dashboard.DashboardViews.NodeTypeRow;
import org.hpcstatus.dashboard.DashboardViews.OutageRow;
import org.hpcstatus.dashboard.DashboardViews.PartitionRow;
import org.hpcstatus.dashboard.DashboardViews.QueueDefinitionRow;
import org.hpcstatus.dashboard.DashboardViews.QueueRow;
import org.hpcstatus.dashboard.DashboardViews.ReservationRow;
import org.hpcstatus.dashboard.DashboardViews.RejectionNotice;
import org.hpcstatus.dashboard.Upcoming.UpcomingRow;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.history.FillTrend;
import org.hpcstatus.history.History;
import org.hpcstatus.snapshot.SeriesScope;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.snapshot.FilesystemStatus;
import org.hpcstatus.snapshot.KindProfile;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.LoginNodeStatus;
import org.hpcstatus.snapshot.PartitionKind;
import org.hpcstatus.snapshot.QueueDefinition;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.snapshot.StateRules;
import org.hpcstatus.status.PostRejection;
import org.hpcstatus.status.Availability;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.status.SystemStatus;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.Page;
import org.hpcstatus.web.Visitor;

/** Builds the dashboard's views from the latest pointers and the active outages; never reads history. */
@ApplicationScoped
public class DashboardService {

    @Inject
    StatusBoard board;

    @Inject
    OutageService outages;

    @Inject
    SystemCatalog systems;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Inject
    Visitor visitor;

    @Inject
    Charts charts;

    @Inject
    History history;

    @Inject
    org.hpcstatus.live.Changes changes;


    @Inject
    org.hpcstatus.history.UserLoad userLoad;

    /** Fill estimates read 30 days of summaries: computed once per newest snapshot, for a minute at most. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Map<String, String>> fillEstimates =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200)
                    .expireAfterWrite(Duration.ofSeconds(60)).build();

    public record Overview(Page page, Headline headline, List<Card> cards, List<OutageRow> outages,
            List<UpcomingRow> upcoming) {
    }

    /** One read-only transaction per page: the pointers, the outages, and snapshots not read before. */
    @Transactional
    public Overview overview() {
        StatusBoard.Board all = board.all(false);
        List<Card> cards = all.systems().stream().map(this::card).toList();
        List<Reservation> reservations = all.systems().stream().flatMap(DashboardService::reservationsOf).toList();
        return new Overview(page("HPC system status", all.now()),
                Headline.of(all.systems(), all.now(), Zones.display(config.dashboard())), cards, rows(all.activeOutages()),
                upcoming(all.upcoming(), reservations, all.now()));
    }

    /** A system's page; the per-user load (personal data) only when {@code withUserInfo}. */
    @Transactional
    public Detail detail(ConfiguredSystem system, boolean withUserInfo) {
        SystemStatus status = board.of(system);
        Card card = card(status);
        LatestSnapshot latest = status.latest();
        PostRejection run = status.rejection();
        RejectionNotice rejection = run == null ? null
                : new RejectionNotice(local(run.firstAt), run.rejections, run.lastError);
        if (latest == null) {
            return new Detail(card, List.of(), rejection, List.of(), List.of(), List.of(), none(), none(),
                    List.of(), none(), none(), none(), rows(status.activeOutages()), upcoming(status),
                    availability(system));
        }
        Snapshot s = latest.snapshot();
        KindProfile kind = KindProfile.of(system.kind());
        List<String> warnings = s.warnings == null ? List.of() : List.of(s.warnings.split("\n"));
        int max = config.dashboard().maxTableRows();
        Map<String, String> fills = fills(system, dataVersion());
        return new Detail(card, warnings, rejection, loginNodeGroups(kind, latest.loginNodes(), max),
                kind.detailUtilization(s),
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
                rows(status.activeOutages()), upcoming(status), availability(system));
    }

    private AvailabilityView availability(ConfiguredSystem system) {
        Availability.Report report = board.availability(system);
        List<DayCell> days = report.days().stream().map(d -> new DayCell(d.date().toString(),
                d.state().name().toLowerCase(java.util.Locale.ROOT),
                d.date() + ": " + switch (d.state()) {
                    case OK -> "no outage";
                    case MAINTENANCE -> "maintenance";
                    case DEGRADED -> "degraded (minor outage)";
                    case DOWN -> "down (major or critical outage)";
                })).toList();
        long down = report.days().stream().filter(d -> d.state() == Availability.DayState.DOWN).count();
        long degraded = report.days().stream().filter(d -> d.state() == Availability.DayState.DEGRADED).count();
        String summary = "Last " + days.size() + " days: " + down + " with a major or critical outage, " + degraded
                + " degraded";
        List<Percent> percents = report.percentByWindow().entrySet().stream()
                .map(e -> new Percent(e.getKey() + " days", String.format(java.util.Locale.US, "%.2f %%", e.getValue())))
                .toList();
        return new AvailabilityView(percents, days, summary);
    }

    private List<UpcomingRow> upcoming(SystemStatus status) {
        return upcoming(status.upcoming(), reservationsOf(status).toList(), clock.instant());
    }

    /** A system's reservations, each knowing its system's name (the rows store only its id). */
    private static java.util.stream.Stream<Reservation> reservationsOf(SystemStatus status) {
        return status.reservations().stream().peek(r -> r.systemName = status.system().name());
    }

    private List<UpcomingRow> upcoming(List<Outage> outages, List<Reservation> reservations, Instant now) {
        return Upcoming.rows(outages, reservations, now, Zones.display(config.dashboard()),
                systems::displayName);
    }

    /** Incidents per history page: each comes with its timeline. */
    private static final int HISTORY_PAGE = 20;

    /** The public incident history; {@code page} from 0. */
    public OutageHistory history(Optional<ConfiguredSystem> system, int page) {
        List<Outage> found = outages.history(system, page, HISTORY_PAGE + 1);
        Instant now = clock.instant();
        List<OutageHistory.Incident> incidents = found.stream().limit(HISTORY_PAGE)
                .map(o -> OutageHistory.incident(o, now, Zones.display(config.dashboard()),
                        systems::displayName))
                .toList();
        return new OutageHistory(incidents, system.map(ConfiguredSystem::name).orElse(null), page,
                found.size() > HISTORY_PAGE, systems.all().stream().map(s -> new OutageHistory.SystemChoice(s.name(),
                        s.displayName(), system.isPresent() && system.get().name().equals(s.name()))).toList());
    }

    /** A system page's charts over {@code range}, with its outages as bands. */
    public ChartsView charts(ConfiguredSystem system, Charts.Range range) {
        return charts(system, range, (now, spans) -> charts.of(system, range, now, spans, dataVersion()));
    }

    /** Core-hours by user and project over the range, or over the spans' retention window when that is shorter. */
    public DashboardViews.UserLoadView userLoad(ConfiguredSystem system, Charts.Range range) {
        Instant now = clock.instant();
        Duration kept = config.history().userLoadRetention();
        boolean cut = range.span.compareTo(kept) > 0;
        Duration span = cut ? kept : range.span;
        String over = cut ? "the last " + kept.toDays() + " days (per-user data is kept that long)" : range.words;
        return new DashboardViews.UserLoadView(over, userLoad.over(system, now.minus(span), now));
    }

    /** A partition's or a node type's page: its charts over {@code range}. */
    public DashboardViews.SeriesPage partition(ConfiguredSystem system, String key, Charts.Range range) {
        List<PartitionKind> stored = PartitionKind.storedBy(system.kind());
        PartitionKind partition = PartitionKind.ofKey(key).filter(stored::contains).orElseThrow(() ->
                new InvalidPayloadException(system.displayName() + " has no partition '" + key + "' (one of "
                        + String.join(", ", stored.stream().map(p -> p.key).toList()) + ")"));
        return new DashboardViews.SeriesPage(system.name(), system.displayName(), partition.label,
                "Nodes by state over time: idle nodes are free for jobs now, down ones out of service, reserved ones"
                        + " set aside for a reservation; the rest are busy.",
                charts(system, range, (now, spans) -> charts.ofPartition(system, partition, range, now, spans,
                        dataVersion())));
    }

    public DashboardViews.SeriesPage nodeType(ConfiguredSystem system, String type, Charts.Range range) {
        if (!history.knows(system, SeriesScope.NODE_TYPE, type)) {
            throw new InvalidPayloadException(system.displayName() + " has reported no node type '" + type + "'");
        }
        return new DashboardViews.SeriesPage(system.name(), system.displayName(), "Node type " + type,
                "Nodes of this type by state, and how much of their CPUs and memory jobs hold.",
                charts(system, range, (now, spans) -> charts.ofNodeType(system, type, range, now, spans, dataVersion())));
    }

    /** A queue's charts over {@code range}, with its system's outages as bands. */
    public ChartsView queueCharts(ConfiguredSystem system, String queue, Charts.Range range) {
        return charts(system, range, (now, spans) -> charts.ofQueue(system, queue, range, now, spans, dataVersion()));
    }

    /**
     * The version of what a chart shows: {@link Changes}, moved by every write here (a back-filled snapshot too,
     * which leaves the latest pointer where it was) and by every new latest snapshot the board watch sees on
     * another replica.
     */
    private long dataVersion() {
        return changes.version();
    }

    private ChartsView charts(ConfiguredSystem system, Charts.Range range,
            java.util.function.BiFunction<Instant, List<Outage>, List<Charts.Chart>> draw) {
        Instant now = clock.instant();
        Instant from = now.minus(range.span);
        List<Outage> spans = outages.inEffectSince(from).stream()
                .filter(o -> o.concerns(system.id()) && !o.startTime.isAfter(now)).toList();
        List<RangeLink> links = java.util.Arrays.stream(Charts.Range.values())
                .map(r -> new RangeLink(r.key, r.key, r == range)).toList();
        long step = history.plan(from, now).step().toSeconds();
        String every = step % 86_400 == 0 ? (step == 86_400 ? "day" : step / 86_400 + " days")
                : step % 3_600 == 0 ? (step == 3_600 ? "hour" : step / 3_600 + " hours") : step / 60 + " minutes";
        return new ChartsView(draw.apply(now, spans), links, every);
    }

    public Page page(String title) {
        return page(title, clock.instant());
    }

    private Page page(String title, Instant now) {
        return Page.of(title, config.dashboard(), now, visitor, tabs());
    }

    /** Overview, each system in dashboard order, the history: each its own URL, the one shown marked current. */
    private List<Page.Tab> tabs() {
        String path = visitor.path();
        List<Page.Tab> tabs = new java.util.ArrayList<>();
        tabs.add(new Page.Tab("/", "Overview", path.equals("/")));
        for (ConfiguredSystem system : systems.all()) {
            String href = "/status/" + system.name();
            tabs.add(new Page.Tab(href, system.displayName(), path.equalsIgnoreCase(href)));
        }
        tabs.add(new Page.Tab("/outages", "Incidents", path.equals("/outages")));
        return tabs;
    }

    private Card card(SystemStatus status) {
        ConfiguredSystem system = status.system();
        LatestSnapshot latest = status.latest();
        StateRules.Verdict verdict = status.verdict();
        if (latest == null) {
            return new Card(system.name(), system.displayName(), verdict.state(), verdict.reasons(), verdict.notes(),
                    status.freshness(), null, 0, null, List.of(), List.of(), List.of(), List.of(),
                    reservations(status));
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
                status.freshness(), local(status.observedAt()), status.ageSeconds(), service(kind, s), partitions(system, s),
                figures, kind.utilization(s), jobs, reservations(status));
    }

    private TableRows<ReservationRow> reservations(SystemStatus status) {
        return TableRows.first(status.reservations(), config.dashboard().maxTableRows(), r -> new ReservationRow(
                r.reservationName, r.nodeCount, r.partition, r.description, local(r.startTime), local(r.endTime),
                r.startTime == null || !r.startTime.isAfter(clock.instant())));
    }

    private static String service(KindProfile kind, Snapshot s) {
        if (!kind.reportsServiceState()) {
            return null;
        }
        Boolean available = kind.serviceAvailable(s);
        return available == null ? "Not reported" : available ? "Up" : "Down";
    }

    private static List<PartitionRow> partitions(ConfiguredSystem system, Snapshot s) {
        List<PartitionKind> charted = PartitionKind.storedBy(system.kind());
        return KindProfile.of(system.kind()).partitions(s).stream().map(p -> new PartitionRow(p.label(),
                charted.contains(p.kind()) ? p.kind().key : null, p.total(), p.busy(), p.idle(), p.down(), p.reserved(),
                p.counted())).toList();
    }

    private static List<LoginNodeGroup> loginNodeGroups(KindProfile kind, List<LoginNodeStatus> nodes, int max) {
        List<LoginNodeGroup> groups = new ArrayList<>();
        kind.loginNodeGroups(nodes).forEach((heading, members) -> groups.add(
                new LoginNodeGroup(heading, TableRows.first(members, max, DashboardService::loginNode))));
        return groups;
    }

    private static <T> TableRows<T> none() {
        return new TableRows<>(List.of(), 0);
    }

    private static LoginNodeRow loginNode(LoginNodeStatus n) {
        return new LoginNodeRow(n.nodeName, n.nodeType, !n.available ? "inaccessible" : n.degraded ? "degraded" : "available",
                n.userCount, n.load1min, n.load5min, n.load15min, n.numCpus);
    }

    private static QueueRow queue(QueueStatus q, List<QueueDefinition> roster) {
        String status = roster.stream().filter(d -> d.queueName.equalsIgnoreCase(q.queueName)).findFirst()
                .map(QueueLoads::status).filter(word -> !word.equals(QueueLoads.ENABLED)).orElse(null);
        return new QueueRow(q.queueName, status, q.runningJobs, q.pendingJobs, q.heldJobs, q.activeUsers,
                q.coresAllocated, q.gpusAllocated, q.nodesAllocated, q.coresPending, q.gpusPending);
    }

    private static FilesystemRow filesystem(FilesystemStatus f, String fullIn) {
        Double inodesPercent = f.inodesUtilizationPercent != null ? f.inodesUtilizationPercent
                : f.usedInodes == null ? null : usedPercent(f.usedInodes.doubleValue(),
                        f.capacityInodes == null ? null : f.capacityInodes.doubleValue());
        return new FilesystemRow(f.filesystemName, !f.available ? "unavailable" : f.degraded ? "degraded" : "available",
                f.capacityTb, f.usedTb, f.utilizationPercent != null ? f.utilizationPercent : usedPercent(f.usedTb, f.capacityTb),
                f.usedInodes, f.capacityInodes, inodesPercent, fullIn == null ? "not enough history yet" : fullIn);
    }

    /**
     * Per filesystem: "in 43 days" at the last 30 days' pace (history.FillTrend), "not growing", or "not enough
     * history yet"; one query for all of them.
     */
    private Map<String, String> fills(ConfiguredSystem system, long dataVersion) {
        return fillEstimates.get(system.name() + '\0' + dataVersion, k -> fillsNow(system));
    }

    private Map<String, String> fillsNow(ConfiguredSystem system) {
        Instant now = clock.instant();
        Optional<SeriesScope.Metric> used = SeriesScope.FILESYSTEM.metrics(system.kind()).stream()
                .filter(m -> m.name().equals("utilization_percent")).findFirst();
        if (used.isEmpty()) {
            return Map.of();
        }
        Map<String, String> fills = new java.util.HashMap<>();
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
                        + " (+" + String.format(java.util.Locale.ENGLISH, "%.2f", e.percentPerDay()) + " % a day)")
                .orElse("not growing");
    }

    private List<OutageRow> rows(List<Outage> active) {
        ZonedDateTime now = local(clock.instant());
        return active.stream().map(o -> {
            ZonedDateTime start = local(o.startTime);
            ZonedDateTime eta = local(o.estimatedResolution);
            return new OutageRow(o.id, o.allSystems() ? null : o.systemName, o.allSystems() ? "All systems"
                    : systems.displayName(o.systemName), o.severity,
                    o.status, o.component, o.title, o.description, start, Formats.dayTime(start, now), eta,
                    eta == null ? null : Formats.dayTime(eta, now), Formats.overdue(eta, now));
        }).toList();
    }

    private ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(Zones.display(config.dashboard()));
    }

    private static Double usedPercent(Double used, Double capacity) {
        return used == null || capacity == null || capacity <= 0 ? null : Math.min(100.0, 100.0 * used / capacity);
    }
}
