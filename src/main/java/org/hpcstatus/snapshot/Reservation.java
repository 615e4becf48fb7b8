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

/**
 * A scheduler reservation of a system, kept by the scheduler's id where the collector sends one, else by name (see
 * {@link #key}); one not re-reported for a while has ended or was cancelled.
 */
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

    /** What the row is kept by: {@link #key()}, unique per system. */
    public String reservationKey;

    /** The scheduler's id (PBS: M5121302.desched1), posted as reservation_id; null when the collector sends none. */
    @Column(name = "scheduler_reservation_id")
    public String schedulerId;

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

    /**
     * What makes a reservation one: its id where the collector sends one, else its name. PBS does not make names
     * unique (a monthly maintenance window is the same name every month).
     */
    public String key() {
        return schedulerId != null ? "id:" + schedulerId : "name:" + reservationName;
    }
}
