package org.hpcstatus.store;

import java.time.Instant;

/** A span of a user's load (personal data): who, under which project, the cores its jobs held, from when to when. */
public record UserSpan(String username, String projectCode, int coresAllocated, Instant firstSeen, Instant lastSeen) {
}
