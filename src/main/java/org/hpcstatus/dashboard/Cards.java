package org.hpcstatus.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.glance.Upcoming;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.dashboard.DashboardViews.Card;
import org.hpcstatus.dashboard.DashboardViews.Figure;
import org.hpcstatus.dashboard.DashboardViews.OutageRow;
import org.hpcstatus.dashboard.DashboardViews.PartitionRow;
import org.hpcstatus.dashboard.DashboardViews.ReservationRow;
import org.hpcstatus.glance.Upcoming.UpcomingRow;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.kind.PartitionKind;
import org.hpcstatus.kind.Utilization;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.snapshot.Snapshot;
import org.hpcstatus.status.SystemStatus;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.Formats;

/**
 * What the overview and a system's page both show, built from a system's status: its card, the active outages as
 * rows, what is coming (maintenance not begun, reservations), and times in the display zone.
 */
@ApplicationScoped
class Cards {

    @Inject
    SystemCatalog systems;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** A system's card: its state and why, how fresh, its partitions, headline figures and bars, reservations. */
    Card card(SystemStatus status) {
        ConfiguredSystem system = status.system();
        LatestSnapshot latest = status.latest();
        if (latest == null) {
            return Card.withoutData(system, status.verdict(), status.freshness(), reservations(status),
                    rejectedSince(status));
        }
        Snapshot s = latest.snapshot();
        KindProfile kind = KindProfile.of(system.kind());
        List<Figure> figures = new ArrayList<>();
        if (!latest.loginNodes().isEmpty()) {
            int up = (int) latest.loginNodes().stream().filter(n -> n.available).count();
            figures.add(new Figure("Login nodes", up, latest.loginNodes().size()));
        }
        List<Figure> jobs = kind.headline(s).stream().map(f -> new Figure(f.label(), f.value(), null)).toList();
        return new Card(system.name(), system.displayName(), status.verdict().state(), status.verdict().reasons(),
                status.verdict().notes(), status.freshness(), local(status.observedAt()), status.ageSeconds(),
                service(kind, s), partitions(system, s), figures, Utilization.drawable(kind.utilization(s)), jobs,
                reservations(status), rejectedSince(status));
    }

    /** Active outages, as the banner and a system's page list them. */
    List<OutageRow> outageRows(List<Outage> active) {
        ZonedDateTime now = local(clock.instant());
        return active.stream().map(o -> {
            ZonedDateTime start = local(o.startTime);
            ZonedDateTime eta = local(o.estimatedResolution);
            return new OutageRow(o.id, o.allSystems() ? null : o.systemName, o.allSystems() ? "All systems"
                    : systems.displayName(o.systemName), o.severity, o.status, o.component, o.title, o.description,
                    start, Formats.dayTime(start, now), eta, eta == null ? null : Formats.dayTime(eta, now),
                    Formats.overdue(eta, now));
        }).toList();
    }

    /** What has not begun yet: outages (maintenance, mostly) and reservations, soonest first. */
    List<UpcomingRow> upcoming(List<Outage> outages, List<Reservation> reservations, Instant now) {
        return Upcoming.rows(outages, reservations, now, Zones.display(config.dashboard()), systems::displayName);
    }

    /** A system's reservations, each knowing its system's name (the rows store only its id). */
    static Stream<Reservation> reservationsOf(SystemStatus status) {
        return status.reservations().stream().peek(r -> r.systemName = status.system().name());
    }

    ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(Zones.display(config.dashboard()));
    }

    private TableRows<ReservationRow> reservations(SystemStatus status) {
        return TableRows.first(status.reservations(), config.dashboard().maxTableRows(), r -> new ReservationRow(
                r.reservationName, r.nodeCount, r.partition, r.description, local(r.startTime), local(r.endTime),
                r.startTime == null || !r.startTime.isAfter(clock.instant())));
    }

    /** Since when the collector's posts have been refused, while they are; the system's page says why. */
    private ZonedDateTime rejectedSince(SystemStatus status) {
        return status.rejection() == null ? null : local(status.rejection().firstAt);
    }

    /** The hub's own word on itself: Up, Down, or Not reported; null for kinds that have none. */
    private static String service(KindProfile kind, Snapshot s) {
        if (!kind.reportsServiceState()) {
            return null;
        }
        Boolean available = kind.serviceAvailable(s);
        return available == null ? "Not reported" : available ? "Up" : "Down";
    }

    /** Each partition by state, linked to its page where its counts are stored. */
    private static List<PartitionRow> partitions(ConfiguredSystem system, Snapshot s) {
        List<PartitionKind> charted = PartitionKind.storedBy(system.kind());
        KindProfile kind = KindProfile.of(system.kind());
        return kind.partitions(s).stream().map(p -> new PartitionRow(p.label(),
                charted.contains(p.kind()) ? p.kind().key : null, p.total(), p.busy(), p.idle(), p.down(), p.reserved(),
                p.counted(), kind.sharesNodes())).toList();
    }
}
