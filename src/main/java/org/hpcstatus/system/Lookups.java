package org.hpcstatus.system;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds or creates the rows that snapshots refer to by id: systems, login nodes, queues, filesystems, node types.
 * Rows are never renamed or deleted, so ids are cached for the life of the process. Each creation commits in its own
 * short transaction before the ingest transaction starts: concurrent posts that race to create the same row meet the
 * unique key, and the loser simply reads the winner's id. Calling this inside another transaction would hold two
 * pooled connections per request, so callers must not.
 */
@ApplicationScoped
public class Lookups {

    private record Key(NameTable table, long systemId, String name) {
    }

    private record IdKey(NameTable table, long id) {
    }

    private final Map<Key, Long> ids = new ConcurrentHashMap<>();
    private final Map<IdKey, String> names = new ConcurrentHashMap<>();
    private final Map<String, Long> systemIds = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    /** The id of the system row with this name, created if missing. */
    public long systemId(String name) {
        return systemIds.computeIfAbsent(name, n -> findOrCreate(
                "SELECT system_id FROM hpc_system WHERE name = ?1",
                "INSERT INTO hpc_system (name) VALUES (?1)", n, null));
    }

    /** The id of the named row of this table within a system, created if missing. */
    public long idFor(NameTable table, long systemId, String name) {
        Key key = new Key(table, systemId, name);
        Long cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        long id = findOrCreate(
                "SELECT " + table.idColumn + " FROM " + table.table + " WHERE name = ?1 AND system_id = ?2",
                "INSERT INTO " + table.table + " (name, system_id) VALUES (?1, ?2)", name, systemId);
        ids.put(key, id);
        names.put(new IdKey(table, id), name);
        return id;
    }

    /** The name of a row of this table, for reading snapshots back. */
    public String nameOf(NameTable table, long id) {
        return names.computeIfAbsent(new IdKey(table, id), key -> (String) em
                .createNativeQuery("SELECT name FROM " + table.table + " WHERE " + table.idColumn + " = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private long findOrCreate(String select, String insert, String name, Long systemId) {
        Optional<Long> found = find(select, name, systemId);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> bind(em.createNativeQuery(insert), name, systemId).executeUpdate());
        } catch (PersistenceException raceLost) {
            Log.debugf("Lookup row '%s' was created concurrently: %s", name, raceLost.getMessage());
        }
        return find(select, name, systemId)
                .orElseThrow(() -> new IllegalStateException("Lookup row '" + name + "' missing after insert"));
    }

    private Optional<Long> find(String select, String name, Long systemId) {
        return QuarkusTransaction.requiringNew().call(() -> bind(em.createNativeQuery(select), name, systemId)
                .getResultStream().findFirst().map(id -> ((Number) id).longValue()));
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, String name, Long systemId) {
        query.setParameter(1, name);
        if (systemId != null) {
            query.setParameter(2, systemId);
        }
        return query;
    }
}
