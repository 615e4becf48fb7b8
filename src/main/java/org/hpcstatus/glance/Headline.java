package org.hpcstatus.glance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageFields;
import org.hpcstatus.status.SystemState;
import org.hpcstatus.status.SystemStatus;
import org.hpcstatus.web.Formats;
import org.hpcstatus.web.StateStyles;

/**
 * The one line above everything that answers "is anything wrong?": "All systems operational", or the systems that
 * are not, worst first ("Casper: major outage · Derecho: maintenance until 18:00 MST").
 */
public record Headline(String text, SystemState worst) {

    private static final int MAX_NAMED = 3;
    /** Worst first: the order systems are named in, and the colour of the line. */
    private static final List<SystemState> BY_SEVERITY = List.of(SystemState.DOWN, SystemState.DEGRADED,
            SystemState.MAINTENANCE, SystemState.STALE, SystemState.NO_DATA, SystemState.OPERATIONAL);

    public static Headline of(List<SystemStatus> systems, Instant now, ZoneId zone) {
        List<SystemStatus> troubled = systems.stream().filter(s -> s.verdict().state() != SystemState.OPERATIONAL)
                .sorted(Comparator.comparingInt(Headline::rank)).toList();
        if (troubled.isEmpty()) {
            return new Headline(systems.isEmpty() ? "No systems configured" : "All systems operational",
                    SystemState.OPERATIONAL);
        }
        List<String> named = new ArrayList<>();
        for (SystemStatus status : troubled.subList(0, Math.min(MAX_NAMED, troubled.size()))) {
            named.add(status.system().displayName() + ": " + what(status, now, zone));
        }
        if (troubled.size() > MAX_NAMED) {
            named.add((troubled.size() - MAX_NAMED) + " more");
        }
        SystemState first = troubled.get(0).verdict().state();
        return new Headline(String.join(" \u00B7 ", named),
                BY_SEVERITY.get(Math.min(BY_SEVERITY.indexOf(first), rank(troubled.get(0)))));
    }

    /** A system's place in the line: by its state, or by its worst outage when that says more (no data, stale). */
    private static int rank(SystemStatus status) {
        int byState = BY_SEVERITY.indexOf(status.verdict().state());
        Outage worst = worstOutage(status);
        if (worst == null) {
            return byState;
        }
        SystemState byOutage = worst.severity.equals("critical") ? SystemState.DOWN : SystemState.DEGRADED;
        return Math.min(byState, BY_SEVERITY.indexOf(byOutage));
    }

    /** The most severe active outage that is not maintenance, if any. */
    private static Outage worstOutage(SystemStatus status) {
        return status.activeOutages().stream().filter(o -> !Outage.MAINTENANCE.equals(o.severity))
                .min(Comparator.comparingInt(o -> OutageFields.SEVERITIES.indexOf(o.severity))).orElse(null);
    }

    private static String what(SystemStatus status, Instant now, ZoneId zone) {
        SystemState state = status.verdict().state();
        Outage worst = worstOutage(status);
        if (worst != null && state != SystemState.MAINTENANCE) {
            // what people must know first: an outage is announced, whatever the collector's figures say
            return worst.severity + " outage";
        }
        return switch (state) {
            case MAINTENANCE -> status.activeOutages().stream().filter(o -> Outage.MAINTENANCE.equals(o.severity))
                    .map(o -> o.endTime != null ? o.endTime : o.estimatedResolution).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .map(end -> "maintenance until " + Formats.dayTime(end.atZone(zone), now.atZone(zone)))
                    .orElse("maintenance");
            case DOWN, DEGRADED -> StateStyles.label(state).toLowerCase();
            case STALE -> "figures out of date";
            case NO_DATA -> "no data yet";
            case OPERATIONAL -> "operational";
        };
    }
}
