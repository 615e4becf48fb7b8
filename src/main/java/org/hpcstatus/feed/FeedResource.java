package org.hpcstatus.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.status.SystemStatus;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.Formats;

/** Feeds to follow: outages and their updates (Atom), and maintenance with reservations (iCalendar). */
@Path("/")
public class FeedResource {

    /** Entries in the Atom feed: weeks of a busy site's updates. */
    private static final int ATOM_ENTRIES = 100;
    /** Past maintenance the calendar keeps, so that a subscriber sees what just happened too. */
    private static final Duration CALENDAR_PAST = Duration.ofDays(30);

    @Inject
    OutageService outages;

    @Inject
    StatusBoard board;

    @Inject
    SystemCatalog systems;

    @Inject
    Clock clock;

    @GET
    @Path("outages.atom")
    @Produces("application/atom+xml;charset=UTF-8")
    public String atom(@Context UriInfo uri) {
        return AtomFeed.render(outages.recentUpdates(ATOM_ENTRIES), uri.getBaseUri(), clock.instant(), systems::displayName);
    }

    @GET
    @Path("maintenance.ics")
    @Produces("text/calendar;charset=UTF-8")
    public String calendar(@Context UriInfo uri) {
        Instant now = clock.instant();
        List<ICalendar.Event> events = new ArrayList<>();
        for (Outage o : outages.maintenance(now.minus(CALENDAR_PAST))) {
            if (o.startTime == null) {
                continue;
            }
            String system = o.allSystems() ? "All systems" : systems.displayName(o.systemName);
            events.add(new ICalendar.Event("maintenance-" + o.id, o.startTime,
                    o.endTime != null ? o.endTime : o.estimatedResolution, system + " maintenance: " + o.title,
                    o.description, uri.getBaseUri().resolve(o.allSystems() ? "/" : "/status/" + o.systemName).toString(),
                    o.updatedAt));
        }
        for (SystemStatus status : board.all(false).systems()) {
            for (Reservation r : status.reservations()) {
                if (r.startTime == null) {
                    continue;
                }
                ConfiguredSystem system = status.system();
                // By what the scheduler knows it by (its id, else its name), never our row number; a name-keyed
                // reservation keeps the UID it always had.
                String uid = "reservation-" + system.name() + "-" + (r.schedulerId == null ? r.reservationName
                        : "id-" + r.schedulerId).replaceAll("[^A-Za-z0-9._-]", "_");
                events.add(new ICalendar.Event(uid, r.startTime,
                        r.endTime, system.displayName() + " reservation: " + r.reservationName
                                + (r.nodeCount == null ? "" : " (" + Formats.nodes(r.nodeCount) + ")"),
                        r.description, uri.getBaseUri().resolve("/status/" + system.name()).toString(), null));
            }
        }
        events.sort(Comparator.comparing(ICalendar.Event::start));
        return ICalendar.render(events, uri.getBaseUri().getHost(), now);
    }
}
