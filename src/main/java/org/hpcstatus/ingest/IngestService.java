package org.hpcstatus.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.ChildRows;
import org.hpcstatus.snapshot.NewSnapshot;
import org.hpcstatus.snapshot.StoredSnapshot;
import org.hpcstatus.store.Snapshots;
import org.hpcstatus.store.WriteFailedException;
import org.hpcstatus.system.Lookups;

/** The write side: turns a validated snapshot into stored rows, exactly once per system and instant. */
@ApplicationScoped
public class IngestService {

    private static final int MAX_ATTEMPTS = 3;

    @Inject
    Lookups lookups;

    @Inject
    Snapshots snapshots;

    public StoredSnapshot ingest(NewSnapshot rows) {
        long systemId = rows.system().id();
        // Names become ids first, each new one committed on its own, so the ingest transaction holds one connection only.
        for (ChildArray<?> array : ChildArray.ALL) {
            resolveNames(array, rows.rows(), systemId);
        }
        StoredSnapshot result = writeOnce(rows);
        Log.infof("Ingested %s snapshot status_id=%d at %s%s", rows.system().name(), result.statusId(),
                result.timestamp(), result.duplicate() ? " (duplicate retry)" : "");
        return result;
    }

    private <E> void resolveNames(ChildArray<E> array, ChildRows rows, long systemId) {
        ChildArray.Naming<E> naming = array.naming();
        if (naming == null) {
            return;
        }
        for (E row : rows.of(array)) {
            naming.setId().accept(row, lookups.idFor(naming.names(), systemId, array.nameOf(row)));
        }
    }

    private StoredSnapshot writeOnce(NewSnapshot rows) {
        for (int attempt = 1;; attempt++) {
            try {
                return snapshots.write(rows);
            } catch (WriteFailedException failed) {
                if (DatabaseErrors.isConstraintViolation(failed)) {
                    // A post of the same system and instant committed first and the unique key stopped this one:
                    // answer as for a retry (or a 409 when its content differs).
                    var stored = snapshots.existing(rows.system().id(), rows.snapshot().observedAt,
                            rows.snapshot().contentHash);
                    if (stored.isPresent()) {
                        return stored.get();
                    }
                }
                // Only a lock conflict is worth trying again; anything else would fail the same way.
                if (!DatabaseErrors.isLockConflict(failed) || attempt == MAX_ATTEMPTS) {
                    throw failed;
                }
                Log.warnf("Ingest of %s at %s met a lock conflict (%s), retrying", rows.system().name(),
                        rows.snapshot().observedAt, failed.getMessage());
            }
        }
    }
}
