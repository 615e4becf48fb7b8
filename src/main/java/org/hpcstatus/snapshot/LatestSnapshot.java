package org.hpcstatus.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hpcstatus.system.ConfiguredSystem;

/**
 * A system's newest snapshot with all its children, names resolved, as read for the API and the dashboard, with the
 * queue roster and the per-user load it carried (personal data: shown only with the permission), and the
 * reservations reported up to it within the forget-after time. Reservations are written only by a post that moves the
 * pointer, so these are all there are until it moves again; {@link #currentReservations} says which still hold now.
 */
public record LatestSnapshot(ConfiguredSystem system, Snapshot snapshot, List<LoginNodeStatus> loginNodes,
        List<QueueStatus> queues, List<FilesystemStatus> filesystems, List<NodeTypeStatus> nodeTypes,
        List<HubNodeStatus> hubNodes, List<QueueDefinition> queueDefinitions, List<UserLoadSpan> userLoads,
        List<Reservation> recentReservations) {

    /**
     * The reservations reported within {@code forgetAfter} of {@code now} that have not ended, soonest first: the one
     * place that says which reservations still hold.
     */
    public List<Reservation> currentReservations(Instant now, Duration forgetAfter) {
        Instant reportedSince = now.minus(forgetAfter);
        return recentReservations.stream().filter(r -> !r.lastReportedAt.isBefore(reportedSince)
                && (r.endTime == null || r.endTime.isAfter(now))).toList();
    }
}
