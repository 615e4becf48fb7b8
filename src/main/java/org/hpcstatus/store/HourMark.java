package org.hpcstatus.store;

import java.time.Instant;

/** A stored snapshot's mark on its hour: the roll-up job's to-do list. */
public record HourMark(long id, long systemId, Instant hour) {
}
