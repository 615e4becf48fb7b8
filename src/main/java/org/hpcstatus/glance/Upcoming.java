package org.hpcstatus.glance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.hpcstatus.outage.Outage;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.web.Formats;

/**
 * What is planned: maintenance (and any outage) whose start lies ahead, and the collectors' reservations not begun,
 * in one list, soonest first, each with how long until it starts.
 */
public final class Upcoming {

    /** systemName null: every system. kind: "Maintenance", another outage severity, or "Reservation". */
    public record UpcomingRow(String kind, String systemName, String systemDisplayName, String title, ZonedDateTime start,
            ZonedDateTime end, String startsIn, String window) {
    }

    private Upcoming() {
    }

    public static List<UpcomingRow> rows(List<Outage> outages, List<Reservation> reservations, Instant now, ZoneId zone,
            Function<String, String> displayName) {
        List<UpcomingRow> rows = new ArrayList<>();
        for (Outage o : outages) {
            rows.add(new UpcomingRow(capitalised(o.severity), o.allSystems() ? null : o.systemName,
                    o.allSystems() ? "All systems" : displayName.apply(o.systemName), o.title, local(o.startTime, zone),
                    local(o.endTime != null ? o.endTime : o.estimatedResolution, zone), startsIn(o.startTime, now),
                    window(o.startTime, o.endTime != null ? o.endTime : o.estimatedResolution, now, zone)));
        }
        for (Reservation r : reservations) {
            if (r.startTime != null && r.startTime.isAfter(now)) {
                rows.add(new UpcomingRow("Reservation", r.systemName, displayName.apply(r.systemName),
                        r.reservationName + (r.nodeCount == null ? "" : " (" + Formats.nodes(r.nodeCount) + ")"),
                        local(r.startTime, zone), local(r.endTime, zone), startsIn(r.startTime, now),
                        window(r.startTime, r.endTime, now, zone)));
            }
        }
        rows.sort(Comparator.comparing(UpcomingRow::start));
        return rows;
    }

    /** "in 2 days", "in 5 h", "in 12 min": the countdown next to a planned window. */
    public static String startsIn(Instant start, Instant now) {
        long seconds = Math.max(0, Duration.between(now, start).toSeconds());
        if (seconds < 3600) {
            return "in " + Math.max(1, seconds / 60) + " min";
        }
        if (seconds < 24 * 3600) {
            return "in " + seconds / 3600 + " h";
        }
        long days = Math.round(seconds / 86400.0);
        return "in " + days + (days == 1 ? " day" : " days");
    }

    /** "Thu 3 Dec, 08:00 MST to Fri 4 Dec, 06:00 MST" (with the year when it is not this year). */
    private static String window(Instant start, Instant end, Instant now, ZoneId zone) {
        ZonedDateTime today = now.atZone(zone);
        String from = Formats.dayTime(start.atZone(zone), today);
        return end == null ? from : from + " to " + Formats.dayTime(end.atZone(zone), today);
    }

    private static ZonedDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone);
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
