package org.hpcstatus.system;

import java.time.Duration;

/** One tracked system as configured, with the database id of its row. */
public record ConfiguredSystem(long id, String name, String displayName, SystemKind kind, Duration staleAfter, int order) {
}
