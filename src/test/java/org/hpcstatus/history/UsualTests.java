package org.hpcstatus.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The usual-for-this-hour median and its words, on fixed data. */
class UsualTests {

    @Test
    void theMedianOfTheSameHourInTheLastFourWeeks() {
        assertEquals(List.of(Instant.parse("2026-11-24T14:00:00Z"), Instant.parse("2026-11-17T14:00:00Z"),
                Instant.parse("2026-11-10T14:00:00Z"), Instant.parse("2026-11-03T14:00:00Z")),
                Usual.sameHourOfWeek(Instant.parse("2026-12-01T14:37:12Z")));
        assertEquals(300.0, Usual.median(List.of(100.0, 300.0, 900.0, 200.0, 400.0)).orElseThrow());
        assertEquals(250.0, Usual.median(List.of(100.0, 300.0, 900.0, 200.0)).orElseThrow());
        assertEquals(200.0, Usual.median(Arrays.asList(100.0, null, 300.0, null)).orElseThrow(), "gaps left out");
        assertTrue(Usual.median(Arrays.asList(100.0, null, null, null)).isEmpty(), "one week is no usual level");
    }

    @Test
    void wordsForTheComparisonAndTheTrend() {
        assertEquals("busier than usual", Usual.compared(600, 300));
        assertEquals("quieter than usual", Usual.compared(100, 300));
        assertEquals("about as usual", Usual.compared(330, 300));
        assertEquals("about as usual", Usual.compared(4, 1), "three jobs more is not busier");
        assertEquals("rising (+150 in 3 hours)", Usual.trend(450.0, 300.0));
        assertEquals("falling (-200 in 3 hours)", Usual.trend(100.0, 300.0));
        assertEquals("steady", Usual.trend(310.0, 300.0));
        assertEquals("not known", Usual.trend(null, 300.0));
    }
}
