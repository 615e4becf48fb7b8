package org.hpcstatus.outage;

import java.time.Instant;

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
