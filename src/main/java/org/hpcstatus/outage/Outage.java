package org.hpcstatus.outage;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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
