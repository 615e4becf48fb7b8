package org.hpcstatus.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a filesystem fills up, at the pace of the last 30 days: a least-squares line through its utilization over
 * that time (every point of the series, each the average of its step), extended to 100 %. No estimate when it is
 * not growing, or when fewer than seven days of the window have data (a week is the least that shows a trend
 * rather than one day's burst).
 */
public final class FillTrend {

    public static final Duration WINDOW = Duration.ofDays(30);
    static final Duration LEAST_DATA = Duration.ofDays(7);
    /** Growth below this (percentage points a day) is no growth: it would take over 27 years to fill. */
    static final double FLAT = 0.01;

    /** The estimate: days from the last point until 100 %, and the growth it assumes. */
    public record Estimate(double daysUntilFull, double percentPerDay) {
    }

    private FillTrend() {
    }

    /** Whether the points with data span the seven days an estimate needs. */
    public static boolean enoughData(List<History.Point> points) {
        List<History.Point> known = points.stream().filter(p -> p.value() != null).toList();
        return known.size() >= 2
                && Duration.between(known.get(0).time(), known.get(known.size() - 1).time()).compareTo(LEAST_DATA) >= 0;
    }

    public static Optional<Estimate> of(List<History.Point> points) {
        if (!enoughData(points)) {
            return Optional.empty();
        }
        List<History.Point> known = points.stream().filter(p -> p.value() != null).toList();
        Instant origin = known.get(0).time();
        double n = known.size(), sumX = 0, sumY = 0, sumXX = 0, sumXY = 0;
        for (History.Point p : known) {
            double x = Duration.between(origin, p.time()).toSeconds() / 86_400.0;
            double y = p.value();
            sumX += x;
            sumY += y;
            sumXX += x * x;
            sumXY += x * y;
        }
        double slope = (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
        if (!(slope > FLAT)) {
            return Optional.empty();
        }
        double intercept = (sumY - slope * sumX) / n;
        History.Point last = known.get(known.size() - 1);
        double lastX = Duration.between(origin, last.time()).toSeconds() / 86_400.0;
        double now = intercept + slope * lastX;
        return Optional.of(new Estimate(Math.max(0, (100 - now) / slope), slope));
    }
}
