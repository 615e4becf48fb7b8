package org.hpcstatus.snapshot;

import org.hpcstatus.system.ConfiguredSystem;

/** A validated snapshot, not yet stored: the rows to write, without ids, and the rows of each array it carried. */
public record NewSnapshot(ConfiguredSystem system, Snapshot snapshot, ChildRows rows) {
}
