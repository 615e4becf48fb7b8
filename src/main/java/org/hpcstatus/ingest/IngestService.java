package org.hpcstatus.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.snapshot.NewSnapshot;
import org.hpcstatus.snapshot.SnapshotQueries;
import org.hpcstatus.snapshot.SnapshotWriter;
import org.hpcstatus.snapshot.StoredSnapshot;
import org.hpcstatus.system.Lookups;
import org.hpcstatus.system.Lookups.Kind;

/** The write side: turns a validated snapshot into stored rows, exactly once per system and instant. */
@ApplicationScoped
public class IngestService {

    private static final int MAX_ATTEMPTS = 3;

    @Inject
    Lookups lookups;

    @Inject
    SnapshotWriter writer;

    @Inject
    SnapshotQueries queries;

    public StoredSnapshot ingest(NewSnapshot rows) {
        long systemId = rows.system().id();
        // Lookup rows first, each committed on its own, so the ingest transaction holds one connection only.
        rows.loginNodes().forEach(row -> row.loginNodeId = lookups.idFor(Kind.LOGIN_NODE, systemId, row.nodeName));
        rows.queues().forEach(row -> row.queueId = lookups.idFor(Kind.QUEUE, systemId, row.queueName));
        rows.filesystems().forEach(row -> row.filesystemId = lookups.idFor(Kind.FILESYSTEM, systemId, row.filesystemName));
        rows.nodeTypes().forEach(row -> row.nodeTypeId = lookups.idFor(Kind.NODE_TYPE, systemId, row.nodeType));
        rows.hubNodes().forEach(row -> row.hubNodeId = lookups.idFor(Kind.HUB_NODE, systemId, row.name));
        rows.present().queueDefinitions().forEach(row -> row.queueId = lookups.idFor(Kind.QUEUE, systemId, row.queueName));
        StoredSnapshot result = writeOnce(rows);
        Log.infof("Ingested %s snapshot status_id=%d at %s%s", rows.system().name(), result.statusId(),
                result.timestamp(), result.duplicate() ? " (duplicate retry)" : "");
        return result;
    }

    private StoredSnapshot writeOnce(NewSnapshot rows) {
        for (int attempt = 1;; attempt++) {
            try {
                return writer.write(rows);
            } catch (SnapshotWriter.WriteFailedException failed) {
                if (DatabaseErrors.isConstraintViolation(failed)) {
                    // A post of the same system and instant committed first and the unique key stopped this one:
                    // answer as for a retry (or a 409 when its content differs).
                    var stored = queries.existing(rows.system().id(), rows.snapshot().observedAt,
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
