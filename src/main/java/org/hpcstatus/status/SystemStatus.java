package org.hpcstatus.status;

import java.time.Instant;
import java.util.List;

import org.hpcstatus.outage.Outage;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.status.StateRules.Verdict;
import org.hpcstatus.system.ConfiguredSystem;

/**
 * One system as it is now: its newest snapshot (null before the first), how fresh that is, its active outages (most
 * severe first) and those not begun yet (soonest first), the state judged from the active ones, and the run of rejected posts its collector has not recovered from
 * (null when none), and its current reservations (soonest first). The pages and the summary JSON are both built from this.
 */
public record SystemStatus(ConfiguredSystem system, LatestSnapshot latest, Freshness freshness, long ageSeconds,
        Verdict verdict, List<Outage> activeOutages, List<Outage> upcoming, PostRejection rejection,
        List<Reservation> reservations) {

    public Instant observedAt() {
        return latest == null ? null : latest.snapshot().observedAt;
    }
}
