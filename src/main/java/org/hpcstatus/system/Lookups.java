package org.hpcstatus.system;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hpcstatus.database.DatabaseErrors;

/**
 * The one owner of the system rows and the name tables ({@link NameTable}): finds or creates the rows snapshots
 * refer to by id. Rows are never renamed or deleted, so ids are cached for the life of the process. Each creation
 * commits in its own short transaction before the ingest transaction starts: concurrent posts that race to create
 * the same row meet the unique key, and the loser simply reads the winner's id. Calling this inside another
 * transaction would hold two pooled connections per request, so callers must not.
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
        return systemIds.computeIfAbsent(name, n -> findOrCreate(n, () -> findSystem(n), () -> {
            SystemRow row = new SystemRow();
            row.name = n;
            em.persist(row);
        }));
    }

    /** The id of the named row of this table within a system, created if missing. */
    public long idFor(NameTable table, long systemId, String name) {
        Key key = new Key(table, systemId, name);
        Long cached = ids.get(key);
        if (cached != null) {
            return cached;
        }
        long id = findOrCreate(name, () -> find(table, systemId, name), () -> {
            NamedRow row = table.newRow.get();
            row.systemId = systemId;
            row.name = name;
            em.persist(row);
        });
        ids.put(key, id);
        names.put(new IdKey(table, id), name);
        return id;
    }

    /** The name of a row of this table, for reading snapshots back. */
    public String nameOf(NameTable table, long id) {
        return names.computeIfAbsent(new IdKey(table, id), key -> QuarkusTransaction.joiningExisting()
                .call(() -> DatabaseErrors.asAnswered(em.find(table.entity, id)).name));
    }

    /** Whether the system ever reported a row of this name (the history of a queue, a node type, ...). */
    public boolean exists(NameTable table, long systemId, String name) {
        return ids.containsKey(new Key(table, systemId, name)) || find(table, systemId, name).isPresent();
    }

    private long findOrCreate(String name, Supplier<Optional<Long>> find, Runnable create) {
        Optional<Long> found = find.get();
        if (found.isPresent()) {
            return found.get();
        }
        try {
            QuarkusTransaction.requiringNew().run(create);
        } catch (RuntimeException raceLost) {
            if (!DatabaseErrors.isConstraintViolation(raceLost)) {
                throw raceLost;
            }
            Log.debugf("Lookup row '%s' was created concurrently: %s", name, raceLost.getMessage());
        }
        return find.get().orElseThrow(() -> new IllegalStateException("Lookup row '" + name + "' missing after insert"));
    }

    private Optional<Long> find(NameTable table, long systemId, String name) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select r.id from "
                + table.entity.getSimpleName() + " r where r.systemId = :system and r.name = :name", Long.class)
                .setParameter("system", systemId).setParameter("name", name).getResultStream().findFirst());
    }

    private Optional<Long> findSystem(String name) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select s.id from SystemRow s where s.name = :name", Long.class).setParameter("name", name)
                .getResultStream().findFirst());
    }
}
