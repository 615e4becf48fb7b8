package org.hpcstatus.outage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;

/** An outage or maintenance window on one system or on all, reported by a collector or an operator. */
@Entity
@Table(name = "outage")
public class Outage extends PanacheEntityBase {

    public static final String RESOLVED = "resolved";
    public static final String MAINTENANCE = "maintenance";
    /** The system_name of an outage that concerns every configured system. */
    public static final String ALL_SYSTEMS = "all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "outage_id")
    public Long id;

    /** Null for an outage of every configured system (posted as system_name "all"). */
    @Column(name = "system_id")
    public Long systemId;

    /** The configured system's name, or "all", as posted in system_name; not a column. */
    @Transient
    public String systemName;

    public String title;
    public String component;
    public String description;
    public String severity;
    public String status;
    public Instant startTime;
    public Instant endTime;
    public Instant estimatedResolution;
    public Instant createdAt;
    public Instant updatedAt;
    /** The authenticated principal that opened the outage, and the one that changed it last. */
    public String createdBy;
    public String updatedBy;

    /** Optimistic locking: a change based on an older version is refused (409), never silently merged. */
    @Version
    public long version;

    /** The timeline, when read with it (OutageService.find); not a column. */
    @Transient
    public List<OutageUpdate> updates;

    /** Set while unresolved; unique, so one open outage per system, component and title (see OutageService). */
    @Column(name = "open_key", columnDefinition = "char(64)")
    public String openKey;

    // Named finders: the one way to outage rows (the entity owns its table; OutageService and OutageEditor use these).

    /** Outages newest first, unresolved only unless asked, of one system (with those of every system) or all. */
    public static List<Outage> newestFirst(boolean includeResolved, Optional<Long> systemId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!includeResolved) {
            query.append(" and status <> :resolved");
            parameters.and("resolved", RESOLVED);
        }
        if (systemId.isPresent()) {
            query.append(" and (systemId = :systemId or systemId is null)");
            parameters.and("systemId", systemId.get());
        }
        return find(query + " order by startTime desc, id desc", parameters).page(0, limit).list();
    }

    /** Page {@code page} (from 0) of {@code size} of every outage, newest first; of one system (and all) if asked. */
    public static List<Outage> page(Optional<Long> systemId, int page, int size) {
        return (systemId.isPresent()
                ? find("systemId = ?1 or systemId is null order by startTime desc, id desc", systemId.get())
                : find("order by startTime desc, id desc")).range(page * size, page * size + size).list();
    }

    /** Unresolved maintenance, and maintenance that ended since {@code since}, by start. */
    public static List<Outage> maintenanceSince(Instant since) {
        return list("severity = ?1 and (status <> ?2 or endTime >= ?3) order by startTime", MAINTENANCE, RESOLVED,
                since);
    }

    /** Every outage, resolved or not, that was in effect at some time since {@code since}. */
    public static List<Outage> inEffectSince(Instant since) {
        return list("endTime is null or endTime >= ?1", since);
    }

    public static List<Outage> withIds(List<Long> ids) {
        return list("id in ?1", ids);
    }

    /**
     * The unresolved outage holding this open key, locked for the caller's transaction. The id is looked up without a
     * lock first: on MariaDB a locking read of a key that is not there locks the gap around it, and parallel posts of
     * one new outage then deadlock on their inserts, where without it one inserts and the others, refused by the
     * unique key, find its row and lock only that.
     */
    public static Optional<Outage> openLocked(String openKey) {
        Optional<Long> id = getEntityManager().createQuery("select o.id from Outage o where o.openKey = :key", Long.class)
                .setParameter("key", openKey).getResultStream().findFirst();
        return id.map(found -> Outage.<Outage>findById(found, LockModeType.PESSIMISTIC_WRITE))
                .filter(locked -> openKey.equals(locked.openKey));
    }

    /** Retention: resolved outages that ended before the cutoff, with their timelines; how many. */
    public static int deleteResolvedBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = getEntityManager().createQuery("select o.id from Outage o where o.status = :resolved"
                    + " and o.endTime < :cutoff", Long.class).setParameter("resolved", RESOLVED)
                    .setParameter("cutoff", cutoff).getResultList();
            if (!ids.isEmpty()) {
                OutageUpdate.delete("outageId in ?1", ids);
                delete("id in ?1", ids);
            }
            return ids.size();
        });
    }

    public boolean resolved() {
        return RESOLVED.equals(status);
    }

    /** Not begun yet (scheduled maintenance, typically): it changes no system's state until then. */
    public boolean upcomingAt(Instant now) {
        return startTime != null && startTime.isAfter(now);
    }

    /**
     * In effect now: begun, and not a maintenance window whose end has passed (maintenance ends at its end time even
     * when nobody resolves it; other outages end when resolved).
     */
    public boolean activeAt(Instant now) {
        return !upcomingAt(now) && !(MAINTENANCE.equals(severity) && endTime != null && !endTime.isAfter(now));
    }

    public boolean allSystems() {
        return systemId == null;
    }

    /** Whether this outage is about the system with this id: its own, or one of every system. */
    public boolean concerns(long system) {
        return systemId == null || systemId == system;
    }
}
