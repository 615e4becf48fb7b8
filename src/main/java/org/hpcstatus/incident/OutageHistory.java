package org.hpcstatus.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;

import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageUpdate;
import org.hpcstatus.web.Formats;

/** The public history of incidents (/outages): outages newest first, each with its timeline, a page at a time. */
public record OutageHistory(List<Incident> incidents, String system, int page, boolean hasNext,
        List<SystemChoice> systems) {

    /** One outage as the history shows it; times already in words, with the year when not this year. */
    public record Incident(long id, String systemName, String systemDisplayName, String severity, String status,
            String component, String title, String description, ZonedDateTime start, String since, String until,
            List<Entry> timeline) {
    }

    public record Entry(ZonedDateTime at, String when, String by, String status, String message) {
    }

    /** A system to filter by; selected when it is the one shown. */
    public record SystemChoice(String name, String displayName, boolean selected) {
    }

    public int pageNumber() {
        return page + 1;
    }

    public String previousLink() {
        return page > 0 ? link(page - 1) : null;
    }

    public String nextLink() {
        return hasNext ? link(page + 1) : null;
    }

    private String link(int target) {
        String query = (system == null ? "" : "system=" + system + "&") + "page=" + (target + 1);
        return "/outages?" + query;
    }

    public static Incident incident(Outage o, Instant now, ZoneId zone, Function<String, String> displayName) {
        ZonedDateTime today = now.atZone(zone);
        ZonedDateTime start = o.startTime.atZone(zone);
        String until = o.endTime == null ? (o.resolved() ? null : "ongoing") : Formats.dayTime(o.endTime.atZone(zone), today);
        return new Incident(o.id, o.allSystems() ? null : o.systemName,
                o.allSystems() ? "All systems" : displayName.apply(o.systemName), o.severity, o.status, o.component,
                o.title, o.description, start, Formats.dayTime(start, today), until,
                (o.updates == null ? List.<OutageUpdate>of() : o.updates).stream().map(u -> new Entry(u.createdAt.atZone(zone),
                        Formats.dayTime(u.createdAt.atZone(zone), today), u.createdBy, u.status, u.message)).toList());
    }
}
