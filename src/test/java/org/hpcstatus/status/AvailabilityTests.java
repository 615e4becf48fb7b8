package org.hpcstatus.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.hpcstatus.outage.Outage;

/** Availability arithmetic on fixed spans: overlaps count once, maintenance not at all, days in the display zone. */
class AvailabilityTests {

    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    /** 2026-11-10 noon in Denver; the DST change (2026-11-01) lies within the 30- and 90-day windows. */
    private static final Instant NOW = Instant.parse("2026-11-10T19:00:00Z");
    /** A system with data from well before every window. */
    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void downTimeIsTheUnionOfMajorAndCriticalSpansAndMaintenanceIsExcluded() {
        List<Outage> outages = List.of(
                outage("major", "2026-11-09T10:00:00Z", "2026-11-09T16:00:00Z"),
                outage("critical", "2026-11-09T14:00:00Z", "2026-11-09T22:00:00Z"), // overlapping: 12 h in all
                outage("maintenance", "2026-11-08T12:00:00Z", "2026-11-08T23:00:00Z"),
                outage("minor", "2026-11-07T19:00:00Z", "2026-11-07T20:00:00Z"));
        Availability.Report report = Availability.of(outages, LONG_AGO, NOW, DENVER);
        // 12 h down: of 7 days 7.142857 %, of 30 days 1.666667 %, of 90 days 0.555556 %
        assertEquals(Map.of(7, 92.857, 30, 98.333, 90, 99.444), report.percentByWindow());
        assertEquals(90, report.days().size());
        assertEquals(LocalDate.of(2026, 11, 10), report.days().get(89).date());
        assertEquals(Availability.DayState.DOWN, day(report, "2026-11-09"));
        assertEquals(Availability.DayState.MAINTENANCE, day(report, "2026-11-08"));
        assertEquals(Availability.DayState.DEGRADED, day(report, "2026-11-07"));
        assertEquals(Availability.DayState.OK, day(report, "2026-11-06"));
    }

    /**
     * Denver's 1 November 2026 has 25 hours (MDT to MST): 2026-11-02T06:30Z is 23:30 MST on the 1st, which a day
     * boundary kept at MDT's offset would put on the 2nd.
     */
    @Test
    void daysFollowTheDisplayZoneAcrossTheDstChange() {
        List<Outage> outages = List.of(outage("major", "2026-11-02T06:30:00Z", "2026-11-02T06:50:00Z"));
        Availability.Report report = Availability.of(outages, LONG_AGO, NOW, DENVER);
        assertEquals(Availability.DayState.DOWN, day(report, "2026-11-01"));
        assertEquals(Availability.DayState.OK, day(report, "2026-11-02"));
    }

    @Test
    void anUnresolvedOutageLastsUntilNow() {
        Outage ongoing = outage("critical", "2026-11-10T07:00:00Z", null);
        Availability.Report report = Availability.of(List.of(ongoing), LONG_AGO, NOW, DENVER);
        assertEquals(92.857, report.percentByWindow().get(7)); // 12 h of 7 days
        assertEquals(Availability.DayState.DOWN, day(report, "2026-11-10"));
    }

    private static Availability.DayState day(Availability.Report report, String date) {
        return report.days().stream().filter(d -> d.date().toString().equals(date)).findFirst().orElseThrow().state();
    }

    /**
     * A system first seen 40 minutes ago: each window is measured over those 40 minutes, not as 7, 30 or 90 days of
     * no outage; the days before its first are "no data"; a system with no data has no percentage at all.
     */
    @Test
    void timeBeforeTheFirstDataIsNoData() {
        Instant first = NOW.minusSeconds(40 * 60);
        Availability.Report report = Availability.of(List.of(outage("major", NOW.minusSeconds(600).toString(), null)),
                first, NOW, DENVER);
        assertEquals(75.0, report.percentByWindow().get(90)); // 10 of 40 minutes down
        assertEquals(40 / 1440.0, report.measuredDays().get(7), 1e-9);
        assertEquals(89, report.days().stream().filter(d -> d.state() == Availability.DayState.NO_DATA).count());
        assertEquals(Availability.DayState.DOWN, report.days().get(89).state());

        Availability.Report none = Availability.of(List.of(), null, NOW, DENVER);
        assertEquals(null, none.percentByWindow().get(7));
        assertEquals(90, none.days().stream().filter(d -> d.state() == Availability.DayState.NO_DATA).count());
    }

    private static Outage outage(String severity, String start, String end) {
        Outage outage = new Outage();
        outage.severity = severity;
        outage.startTime = Instant.parse(start);
        outage.endTime = end == null ? null : Instant.parse(end);
        return outage;
    }
}
