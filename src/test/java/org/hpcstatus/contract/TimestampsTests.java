package org.hpcstatus.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimestampsTests {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Test
    void naiveTimestampsAreReadInTheConfiguredZone() {
        assertEquals(Instant.parse("2025-11-25T21:30:00Z"), Timestamps.parse("2025-11-25T14:30:00", DENVER).orElseThrow());
        assertEquals(Instant.parse("2025-11-25T14:30:00Z"), Timestamps.parse("2025-11-25 14:30:00", UTC).orElseThrow());
    }

    @Test
    void anExplicitOffsetWinsOverTheConfiguredZone() {
        assertEquals(Instant.parse("2025-11-25T14:30:00Z"), Timestamps.parse("2025-11-25T14:30:00Z", DENVER).orElseThrow());
        assertEquals(Instant.parse("2025-11-25T14:30:00Z"),
                Timestamps.parse("2025-11-25T07:30:00-07:00", UTC).orElseThrow());
    }

    @Test
    void precisionIsCutToMicrosecondsAsTheDatabaseStoresIt() {
        assertEquals(Instant.parse("2025-11-25T14:30:00.123456Z"),
                Timestamps.parse("2025-11-25T14:30:00.123456789Z", UTC).orElseThrow());
    }

    @Test
    void textThatIsNoTimestampIsEmpty() {
        assertTrue(Timestamps.parse("yesterday", UTC).isEmpty());
        assertTrue(Timestamps.parse("2025-13-01T00:00:00", UTC).isEmpty());
        assertTrue(Timestamps.parse("", UTC).isEmpty());
    }
}
