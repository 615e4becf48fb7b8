package org.hpcstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hpcstatus.outage.Outage;

/**
 * A system's availability computed from its outage spans: critical and major outages count as down, minor ones as
 * degraded, maintenance not at all (planned work is no failure). An unresolved outage lasts until now. Days are days
 * of the display zone, so a day across a DST change has 23 or 25 hours. Time before the system's first data is no
 * time it was up: a window is measured from its first data, and the days before it are "no data".
 */
public final class Availability {

    /** The windows reported, in days. */
    public static final List<Integer> WINDOWS = List.of(7, 30, 90);

    /** How a day looked: the worst outage it saw. */
    public enum DayState {
        NO_DATA, OK, MAINTENANCE, DEGRADED, DOWN
    }

    public record Day(LocalDate date, DayState state) {
    }

    /**
     * Percent of each window not down (by days: 7, 30, 90; null before any data), the days each was measured over
     * (less than the window for a system seen for less long), and the last 90 days, oldest first.
     */
    public record Report(Map<Integer, Double> percentByWindow, Map<Integer, Double> measuredDays, List<Day> days) {
    }

    private record Span(Instant start, Instant end) {
    }

    private Availability() {
    }

    /** {@code firstSeen}: when the system's data begins; null when it has none. */
    public static Report of(List<Outage> outages, Instant firstSeen, Instant now, ZoneId zone) {
        Map<Integer, Double> percent = new LinkedHashMap<>();
        Map<Integer, Double> measured = new LinkedHashMap<>();
        List<Span> down = merged(spans(outages, now, List.of("critical", "major")));
        for (int days : WINDOWS) {
            Instant windowStart = now.minus(Duration.ofDays(days));
            Instant since = firstSeen != null && firstSeen.isAfter(windowStart) ? firstSeen : windowStart;
            long window = Duration.between(since, now).toMillis();
            if (firstSeen == null || window <= 0) {
                percent.put(days, null);
                measured.put(days, 0.0);
                continue;
            }
            long lost = down.stream().mapToLong(s -> overlap(s, since, now)).sum();
            percent.put(days, Math.round((1 - (double) lost / window) * 100_000) / 1000.0);
            measured.put(days, window / (double) Duration.ofDays(1).toMillis());
        }
        LocalDate firstDay = firstSeen == null ? null : firstSeen.atZone(zone).toLocalDate();
        List<Day> daysSeen = new ArrayList<>();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Span> degraded = merged(spans(outages, now, List.of("minor")));
        List<Span> maintenance = merged(spans(outages, now, List.of(Outage.MAINTENANCE)));
        for (LocalDate day = today.minusDays(WINDOWS.get(WINDOWS.size() - 1) - 1L); !day.isAfter(today);
                day = day.plusDays(1)) {
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            DayState state = firstDay == null || day.isBefore(firstDay) ? DayState.NO_DATA
                    : touches(down, from, to) ? DayState.DOWN : touches(degraded, from, to) ? DayState.DEGRADED
                    : touches(maintenance, from, to) ? DayState.MAINTENANCE : DayState.OK;
            daysSeen.add(new Day(day, state));
        }
        return new Report(percent, measured, daysSeen);
    }

    private static List<Span> spans(List<Outage> outages, Instant now, List<String> severities) {
        return outages.stream().filter(o -> severities.contains(o.severity) && o.startTime != null
                && o.startTime.isBefore(now))
                .map(o -> new Span(o.startTime, o.endTime == null || o.endTime.isAfter(now) ? now : o.endTime))
                .filter(s -> s.end().isAfter(s.start())).toList();
    }

    /** Overlapping spans joined, so that two outages at once count once. */
    private static List<Span> merged(List<Span> spans) {
        List<Span> sorted = spans.stream().sorted(Comparator.comparing(Span::start)).toList();
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            if (!merged.isEmpty() && !span.start().isAfter(merged.get(merged.size() - 1).end())) {
                Span last = merged.remove(merged.size() - 1);
                merged.add(new Span(last.start(), span.end().isAfter(last.end()) ? span.end() : last.end()));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static long overlap(Span span, Instant from, Instant to) {
        Instant start = span.start().isAfter(from) ? span.start() : from;
        Instant end = span.end().isBefore(to) ? span.end() : to;
        return end.isAfter(start) ? Duration.between(start, end).toMillis() : 0;
    }

    private static boolean touches(List<Span> spans, Instant from, Instant to) {
        return spans.stream().anyMatch(s -> overlap(s, from, to) > 0);
    }
}
