package org.hpcstatus.history;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Is this queue busier than usual?": the current value next to the median of the same hour of the week over the
 * last four weeks (hourly averages), in words, with the trend of the last hours. Honest about what it does not
 * know: with fewer than two of those weeks on record there is no usual level to compare with.
 */
public final class Usual {

    public static final int WEEKS = 4;
    static final double BUSIER = 1.25;
    static final double QUIETER = 0.75;

    private Usual() {
    }

    /** The instants, one a week back for {@link #WEEKS} weeks, whose hour is this hour of the week. */
    public static List<Instant> sameHourOfWeek(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        List<Instant> hours = new ArrayList<>();
        for (int w = 1; w <= WEEKS; w++) {
            hours.add(hour.minus(Duration.ofDays(7L * w)));
        }
        return hours;
    }

    /** The median of the values known (at least two), else empty. */
    public static Optional<Double> median(List<Double> values) {
        List<Double> known = values.stream().filter(v -> v != null).sorted().toList();
        if (known.size() < 2) {
            return Optional.empty();
        }
        int middle = known.size() / 2;
        return Optional.of(known.size() % 2 == 1 ? known.get(middle) : (known.get(middle - 1) + known.get(middle)) / 2);
    }

    /** "busier than usual", "quieter than usual" or "about as usual"; small numbers are never "busier". */
    public static String compared(double current, double usual) {
        if (current > usual * BUSIER && current - usual >= 5) {
            return "busier than usual";
        }
        if (current < usual * QUIETER && usual - current >= 5) {
            return "quieter than usual";
        }
        return "about as usual";
    }

    /** "rising", "falling" or "steady": the last hour's average against that of three hours before. */
    public static String trend(Double lastHour, Double threeHoursBefore) {
        if (lastHour == null || threeHoursBefore == null) {
            return "not known";
        }
        double change = lastHour - threeHoursBefore;
        if (Math.abs(change) < Math.max(5, 0.1 * threeHoursBefore)) {
            return "steady";
        }
        return (change > 0 ? "rising" : "falling") + String.format(Locale.ENGLISH, " (%+,.0f in 3 hours)", change);
    }
}
