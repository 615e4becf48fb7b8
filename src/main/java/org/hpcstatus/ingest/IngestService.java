package org.hpcstatus.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import org.hpcstatus.system.Lookups;
import org.hpcstatus.system.Lookups.Kind;

/** The write side: turns a validated report into stored rows, exactly once per system and instant. */
@ApplicationScoped
public class IngestService {

    private static final int MAX_ATTEMPTS = 3;

    @Inject
    Lookups lookups;

    @Inject
    SnapshotWriter writer;

    public IngestResult ingest(SnapshotReport report) {
        long systemId = report.system().id();
        // Lookup rows first, each committed on its own, so the ingest transaction holds one connection only.
        report.loginNodes().forEach(row -> row.loginNodeId = lookups.idFor(Kind.LOGIN_NODE, systemId, row.nodeName));
        report.queues().forEach(row -> row.queueId = lookups.idFor(Kind.QUEUE, systemId, row.queueName));
        report.filesystems().forEach(row -> row.filesystemId = lookups.idFor(Kind.FILESYSTEM, systemId, row.filesystemName));
        report.nodeTypes().forEach(row -> row.nodeTypeId = lookups.idFor(Kind.NODE_TYPE, systemId, row.nodeType));
        IngestResult result = writeOnce(report);
        Log.infof("Ingested %s snapshot status_id=%d at %s%s", report.system().name(), result.statusId(),
                result.timestamp(), result.duplicate() ? " (duplicate retry)" : "");
        return result;
    }

    private IngestResult writeOnce(SnapshotReport report) {
        for (int attempt = 1;; attempt++) {
            try {
                return writer.write(report);
            } catch (SnapshotWriter.WriteFailedException failed) {
                // Either a concurrent post of the same system and instant committed first (the unique key stopped
                // this one: answer as for a retry), or the database broke a lock tie (try again, a few times).
                var stored = writer.existing(report.system().id(), report.snapshot().observedAt, report.snapshot().contentHash);
                if (stored.isPresent()) {
                    return stored.get();
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw failed;
                }
                Log.warnf("Ingest of %s at %s failed (%s), retrying", report.system().name(),
                        report.snapshot().observedAt, failed.getMessage());
            }
        }
    }
}
