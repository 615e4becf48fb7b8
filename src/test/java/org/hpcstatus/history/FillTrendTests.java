package org.hpcstatus.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/** The days-until-full fit on fixed series. */
class FillTrendTests {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private static List<History.Point> daily(int days, IntFunction<Double> value) {
        List<History.Point> points = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            Double v = value.apply(d);
            points.add(new History.Point(START.plus(Duration.ofDays(d)), v, null, null, v == null ? 0 : 1));
        }
        return points;
    }

    @Test
    void aSteadyGrowthIsExtendedTo100Percent() {
        // 60 % growing by half a point a day: 29 days on it stands at 74.5 %, so 51 days from then.
        FillTrend.Estimate estimate = FillTrend.of(daily(30, d -> 60 + 0.5 * d)).orElseThrow();
        assertEquals(0.5, estimate.percentPerDay(), 1e-9);
        assertEquals(51, estimate.daysUntilFull(), 1e-9);
    }

    @Test
    void gapsAndNoiseDoNotDerailTheFit() {
        FillTrend.Estimate estimate = FillTrend.of(daily(30, d -> d % 7 == 3 ? null : 50 + d + (d % 2 == 0 ? 0.4 : -0.4)))
                .orElseThrow();
        assertEquals(1.0, estimate.percentPerDay(), 0.05);
        assertTrue(estimate.daysUntilFull() > 19 && estimate.daysUntilFull() < 23, "about 21: " + estimate);
    }

    @Test
    void noEstimateWhenNotGrowingOrTooLittleData() {
        assertFalse(FillTrend.of(daily(30, d -> 80.0)).isPresent(), "flat");
        assertFalse(FillTrend.of(daily(30, d -> 90 - 0.2 * d)).isPresent(), "shrinking");
        assertFalse(FillTrend.enoughData(daily(6, d -> 50.0 + d)), "six days");
        assertTrue(FillTrend.enoughData(daily(8, d -> 50.0 + d)));
    }
}
