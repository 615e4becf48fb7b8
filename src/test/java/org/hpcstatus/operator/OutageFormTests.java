package org.hpcstatus.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.outage.Outage;

/** Times typed in the display zone, and the PATCH a form becomes. */
class OutageFormTests {

    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Test
    void timesAreTypedInTheDisplayZoneAcrossDst() {
        assertEquals(Instant.parse("2026-12-01T15:00:00Z"), OutageForm.instant("start_time", "2026-12-01T08:00", DENVER));
        assertEquals(Instant.parse("2026-07-01T14:00:00Z"), OutageForm.instant("start_time", "2026-07-01T08:00", DENVER));
        // 1 Nov 2026, 01:30 happens twice in Denver: the earlier (daylight) offset is taken.
        assertEquals(Instant.parse("2026-11-01T07:30:00Z"), OutageForm.instant("start_time", "2026-11-01T01:30", DENVER));
        // 8 Mar 2026, 02:30 does not exist in Denver: moved forward by the gap, to 03:30 MDT.
        assertEquals(Instant.parse("2026-03-08T09:30:00Z"), OutageForm.instant("start_time", "2026-03-08T02:30", DENVER));
        assertEquals("2026-12-01T08:00", OutageForm.local(Instant.parse("2026-12-01T15:00:42Z"), DENVER));
        InvalidPayloadException bad = assertThrows(InvalidPayloadException.class,
                () -> OutageForm.instant("end_time", "01/12/2026 8am", DENVER));
        assertTrue(bad.getMessage().startsWith("end_time must be a date and time"), bad.getMessage());
    }

    @Test
    void anEditSendsOnlyWhatChanged() {
        Outage current = new Outage();
        current.title = "Scheduler down";
        current.severity = "major";
        current.status = "investigating";
        current.component = "PBS";
        current.startTime = Instant.parse("2026-12-01T15:00:42Z");
        current.version = 4;
        OutageForm form = OutageForm.of(current, DENVER);
        form.severity = "critical";
        form.component = "";
        ObjectNode patch = form.changesTo(current, DENVER);
        assertEquals("critical", patch.get("severity").asText());
        assertTrue(patch.get("component").isNull(), "a blanked optional field is cleared");
        assertEquals(4, patch.get("version").asLong());
        assertFalse(patch.has("title"), patch.toString());
        assertFalse(patch.has("start_time"), "the minute shown is the time stored: " + patch);
        assertFalse(patch.has("estimated_resolution"), "blank and empty: no change: " + patch);
        assertFalse(patch.has("message"), patch.toString());
    }
}
