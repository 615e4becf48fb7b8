package org.hpcstatus.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hpcstatus.system.ConfiguredSystem;

/**
 * A system's newest snapshot with all its rows, names resolved, as read for the API and the dashboard: the rows of
 * its instant, the queue roster, the per-user load (personal data: shown only with the permission), and the
 * reservations reported up to it within the forget-after time. Reservations are written only by a post that moves
 * the pointer, so these are all there are until it moves again; {@link #currentReservations} says which still hold
 * now.
 */
public record LatestSnapshot(ConfiguredSystem system, Snapshot snapshot, ChildRows rows) {

    public <E> List<E> rows(ChildArray<E> array) {
        return rows.of(array);
    }

    public List<LoginNodeStatus> loginNodes() {
        return rows.of(ChildArray.LOGIN_NODES);
    }

    public List<QueueStatus> queues() {
        return rows.of(ChildArray.QUEUES);
    }

    public List<FilesystemStatus> filesystems() {
        return rows.of(ChildArray.FILESYSTEMS);
    }

    public List<NodeTypeStatus> nodeTypes() {
        return rows.of(ChildArray.NODE_TYPES);
    }

    public List<HubNodeStatus> hubNodes() {
        return rows.of(ChildArray.HUB_NODES);
    }

    public List<QueueDefinition> queueDefinitions() {
        return rows.of(ChildArray.QUEUE_DEFINITIONS);
    }

    public List<UserLoadSpan> userLoads() {
        return rows.of(ChildArray.USER_LOADS);
    }

    /**
     * The reservations reported within {@code forgetAfter} of {@code now} that have not ended, soonest first: the one
     * place that says which reservations still hold.
     */
    public List<Reservation> currentReservations(Instant now, Duration forgetAfter) {
        Instant reportedSince = now.minus(forgetAfter);
        return rows.of(ChildArray.RESERVATIONS).stream().filter(r -> !r.lastReportedAt.isBefore(reportedSince)
                && (r.endTime == null || r.endTime.isAfter(now))).toList();
    }
}
