package org.hpcstatus.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.hpcstatus.collector.delivery.Spool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool keeps posts oldest first, within its bounds, and says what it drops. */
class SpoolTests {

    @TempDir
    Path dir;

    @Test
    void postsComeBackOldestFirstAndTheOldestGoBeyondTheBound() {
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        Spool last = null;
        for (int i = 1; i <= 4; i++) {
            last = spool(start.plusSeconds(300L * i), 3, Duration.ofHours(24));
            last.add("/api/v1/status/derecho", "{\"n\":" + i + "}");
        }
        assertEquals(1, last.dropped().size());
        assertTrue(last.dropped().get(0).endsWith("the spool holds at most 3 posts"), last.dropped().toString());
        Spool later = spool(start.plusSeconds(1500), 3, Duration.ofHours(24));
        assertEquals(List.of("{\"n\":2}", "{\"n\":3}", "{\"n\":4}"), later.due().stream().map(Spool.Entry::json).toList());
    }

    @Test
    void postsOlderThanTheMaximumAgeAreDroppedAndSaid() {
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        spool(start, 10, Duration.ofHours(1)).add("/api/v1/status/derecho", "{}");
        Spool later = spool(start.plus(Duration.ofMinutes(61)), 10, Duration.ofHours(1));
        assertEquals(List.of(), later.due());
        assertEquals(1, later.dropped().size());
        assertTrue(later.dropped().get(0).endsWith("(/api/v1/status/derecho): older than 1 h"), later.dropped().toString());
    }

    private Spool spool(Instant now, int maxFiles, Duration maxAge) {
        return new Spool(dir, maxFiles, maxAge, Clock.fixed(now, ZoneOffset.UTC));
    }
}
