package org.hpcstatus.snapshot;

import java.util.List;

/**
 * What a post says about the present rather than its instant: the queue roster, the reservations and the per-user
 * load. Kept from a system's newest post only; empty for kinds that do not post them.
 */
public record PresentRows(List<QueueDefinition> queueDefinitions, List<Reservation> reservations,
        List<UserLoadSpan> userLoads) {

    public static final PresentRows NONE = new PresentRows(List.of(), List.of(), List.of());
}
