package org.hpcstatus.glance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.hpcstatus.outage.Outage;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.web.Formats;

/** Planned maintenance and reservations not begun share one list, soonest first, each with its countdown. */
class UpcomingTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void maintenanceAndReservationsAheadAreOneListSoonestFirst() {
        Outage upgrade = new Outage();
        upgrade.systemName = "derecho";
        upgrade.systemId = 1L;
        upgrade.severity = "maintenance";
        upgrade.title = "Lustre upgrade";
        upgrade.startTime = Instant.parse("2026-12-03T15:00:00Z");
        upgrade.endTime = Instant.parse("2026-12-04T13:00:00Z");
        Reservation workshop = new Reservation();
        workshop.systemName = "casper";
        workshop.reservationName = "workshop";
        workshop.nodeCount = 8;
        workshop.startTime = Instant.parse("2026-12-01T17:30:00Z");
        workshop.endTime = Instant.parse("2026-12-01T21:00:00Z");
        Reservation running = new Reservation();
        running.systemName = "casper";
        running.reservationName = "already running";
        running.startTime = Instant.parse("2026-12-01T09:00:00Z");

        List<Upcoming.UpcomingRow> rows = Upcoming.rows(List.of(upgrade), List.of(workshop, running), NOW,
                ZoneId.of("America/Denver"), name -> name.substring(0, 1).toUpperCase() + name.substring(1));

        assertEquals(List.of("Reservation workshop (8 nodes) in 5 h", "Maintenance Lustre upgrade in 2 days"),
                rows.stream().map(r -> r.kind() + " " + r.title() + " " + r.startsIn()).toList());
        assertEquals("Tue 1 Dec, 10:30 MST to Tue 1 Dec, 14:00 MST", rows.get(0).window());

        workshop.nodeCount = 1;
        assertEquals("workshop (1 node)", Upcoming.rows(List.of(), List.of(workshop), NOW, ZoneId.of("America/Denver"),
                name -> name).get(0).title());
    }

    @Test
    void timesShowTheYearWhenItIsNotThisYearAndPassedEstimatesAreOverdue() {
        ZoneId denver = ZoneId.of("America/Denver");
        var now = NOW.atZone(denver);
        assertEquals("Tue 25 Nov 2025, 07:30 MST", Formats.dayTime(Instant.parse("2025-11-25T14:30:00Z").atZone(denver), now));
        assertEquals("Tue 1 Dec, 04:00 MST", Formats.dayTime(NOW.minusSeconds(3600).atZone(denver), now));
        assertEquals("overdue by 2 h", Formats.overdue(NOW.minusSeconds(2 * 3600 + 60).atZone(denver), now));
        assertEquals(null, Formats.overdue(NOW.plusSeconds(60).atZone(denver), now));
    }

    @Test
    void theCountdownSaysMinutesHoursOrDays() {
        assertEquals("in 1 min", Upcoming.startsIn(NOW.plusSeconds(20), NOW));
        assertEquals("in 59 min", Upcoming.startsIn(NOW.plusSeconds(3599), NOW));
        assertEquals("in 23 h", Upcoming.startsIn(NOW.plusSeconds(23 * 3600 + 1800), NOW));
        assertEquals("in 1 day", Upcoming.startsIn(NOW.plusSeconds(30 * 3600), NOW));
        assertEquals("in 2 days", Upcoming.startsIn(NOW.plusSeconds(47 * 3600), NOW));
    }
}
