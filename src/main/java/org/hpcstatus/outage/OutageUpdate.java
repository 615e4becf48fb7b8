package org.hpcstatus.outage;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an outage's timeline: when, by whom, the status it left the outage in, and what was said. */
@Entity
@Table(name = "outage_update")
public class OutageUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "outage_update_id")
    public Long id;

    public long outageId;
    public Instant createdAt;
    public String createdBy;
    public String status;
    public String message;

    /** An outage's timeline, oldest entry first. */
    public static List<OutageUpdate> timelineOf(long outageId) {
        return list("outageId = ?1 order by createdAt, id", outageId);
    }

    /** The timelines of these outages, oldest entries first. */
    public static List<OutageUpdate> timelinesOf(List<Long> outageIds) {
        return list("outageId in ?1 order by createdAt, id", outageIds);
    }

    /** The newest entries of all outages, newest first. */
    public static List<OutageUpdate> newest(int limit) {
        return find("order by createdAt desc, id desc").page(0, limit).list();
    }

    static OutageUpdate of(Outage outage, Instant at, String by, String message) {
        OutageUpdate update = new OutageUpdate();
        update.outageId = outage.id;
        update.createdAt = at;
        update.createdBy = by;
        update.status = outage.status;
        update.message = message;
        return update;
    }
}
