package org.hpcstatus.snapshot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A scheduler reservation of a system, kept by name; one not re-reported for a while has ended or was cancelled. */
@Entity
@Table(name = "reservation")
public class Reservation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "reservation_id")
    public Long id;

    @Column(name = "system_id", nullable = false)
    public long systemId;

    /** As posted in each entry; must name the system posted to. Not a column. */
    @Transient
    public String systemName;

    public String reservationName;
    public String description;
    public Instant startTime;
    public Instant endTime;
    public Integer nodeCount;

    /** The JSON field "partition", a reserved word in SQL. */
    @Column(name = "partition_name")
    public String partition;

    public Instant firstReportedAt;
    public Instant lastReportedAt;
}
