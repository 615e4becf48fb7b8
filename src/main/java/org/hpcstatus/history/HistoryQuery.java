package org.hpcstatus.history;

import java.time.Duration;
import java.time.Instant;

/**
 * Which data answers a range, and at what step, so that any range gives at most about 500 points per series: raw
 * 5-minute snapshots for up to two days (while they are kept), hourly summaries up to 90 days, daily beyond; the
 * step is the source's own, or a whole multiple of it when that would give more than 500 points.
 */
public record HistoryQuery(Source source, Duration step, Instant firstSlot, int slots) {

    static final int MAX_POINTS = 500;
    static final Duration RAW_UP_TO = Duration.ofDays(2);
    static final Duration HOURLY_UP_TO = Duration.ofDays(90);

    /** Where points come from; the unit is the finest step it has. */
    public enum Source {
        RAW("raw", Duration.ofMinutes(5)), HOURLY("hourly", Duration.ofHours(1)), DAILY("daily", Duration.ofDays(1));

        final String label;
        final Duration unit;

        Source(String label, Duration unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }
    }

    /** The plan for [from, to), given what is kept from when ({@code rawFrom}, {@code hourlyFrom}). */
    public static HistoryQuery plan(Instant from, Instant to, Instant rawFrom, Instant hourlyFrom) {
        Duration span = Duration.between(from, to);
        Source source;
        if (span.compareTo(RAW_UP_TO) <= 0 && !from.isBefore(rawFrom)) {
            source = Source.RAW;
        } else if (span.compareTo(HOURLY_UP_TO) <= 0 && !from.isBefore(hourlyFrom)) {
            source = Source.HOURLY;
        } else {
            source = Source.DAILY;
        }
        long unit = source.unit.toMillis();
        long units = Math.max(1, (span.toMillis() + unit - 1) / unit);
        long multiple = Math.max(1, (units + MAX_POINTS - 1) / MAX_POINTS);
        long step = unit * multiple;
        long first = Math.floorDiv(from.toEpochMilli(), step) * step;
        int slots = (int) ((to.toEpochMilli() - first + step - 1) / step);
        return new HistoryQuery(source, Duration.ofMillis(step), Instant.ofEpochMilli(first), slots);
    }

    /** The slot an instant falls in, or -1 outside the range. */
    int slotOf(Instant at) {
        long index = Math.floorDiv(at.toEpochMilli() - firstSlot.toEpochMilli(), step.toMillis());
        return index < 0 || index >= slots ? -1 : (int) index;
    }

    Instant slotStart(int slot) {
        return firstSlot.plus(step.multipliedBy(slot));
    }

    /** Whether a point is a summary of several values (then min and max say something). */
    boolean summarises() {
        return source != Source.RAW || step.compareTo(source.unit) > 0;
    }
}
