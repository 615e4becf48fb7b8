package org.hpcstatus.glance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.hpcstatus.outage.Outage;
import org.hpcstatus.status.Freshness;
import org.hpcstatus.status.StateRules.Verdict;
import org.hpcstatus.status.SystemState;
import org.hpcstatus.status.SystemStatus;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemKind;

/** The overview's first line: all well, or the systems that are not, worst first. */
class HeadlineTests {

    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Test
    void allOperationalSaysSo() {
        Headline line = Headline.of(List.of(status("derecho", SystemState.OPERATIONAL, List.of())), NOW, DENVER);
        assertEquals("All systems operational", line.text());
        assertEquals(SystemState.OPERATIONAL, line.worst());
    }

    @Test
    void theWorstComesFirstAndMaintenanceSaysUntilWhen() {
        Outage major = outage("major", null);
        Outage upgrade = outage("maintenance", Instant.parse("2026-12-02T01:00:00Z"));
        Headline line = Headline.of(List.of(status("derecho", SystemState.MAINTENANCE, List.of(upgrade)),
                status("casper", SystemState.DOWN, List.of(major)),
                status("jupyterhub", SystemState.OPERATIONAL, List.of())), NOW, DENVER);
        assertEquals("Casper: major outage \u00B7 Derecho: maintenance until Tue 1 Dec, 18:00 MST", line.text());
        assertEquals(SystemState.DOWN, line.worst());
    }

    /** An announced outage says more than missing figures: it is named, and ranks as the outage it is. */
    @Test
    void anOutageOnASystemWithoutDataIsNamedAsTheOutage() {
        Headline line = Headline.of(List.of(status("derecho", SystemState.STALE, List.of()),
                status("casper", SystemState.NO_DATA, List.of(outage("major", null)))), NOW, DENVER);
        assertEquals("Casper: major outage \u00B7 Derecho: figures out of date", line.text());
        assertEquals(SystemState.DEGRADED, line.worst());
    }

    private static Outage outage(String severity, Instant end) {
        Outage outage = new Outage();
        outage.severity = severity;
        outage.endTime = end;
        outage.startTime = NOW.minusSeconds(3600);
        return outage;
    }

    private static SystemStatus status(String name, SystemState state, List<Outage> active) {
        ConfiguredSystem system = new ConfiguredSystem(1, name, name.substring(0, 1).toUpperCase() + name.substring(1),
                SystemKind.CLUSTER, Duration.ofMinutes(10), 1);
        return new SystemStatus(system, null, Freshness.FRESH, 0, new Verdict(state, List.of(), List.of()), active,
                List.of(), null, List.of());
    }
}
