package org.hpcstatus.snapshot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One login node's health within a snapshot. */
@Entity
@Table(name = "login_node_status")
public class LoginNodeStatus extends PanacheEntityBase {

    /**
     * From this table's sequence, 50 ids a call (pooled-lo: a value v reserves v to v+49 for this process alone), so
     * replicas and bulk loaders that take one value a row never collide; SequenceSteps checks the step at start.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_node_status_seq")
    @SequenceGenerator(name = "login_node_status_seq", sequenceName = "login_node_status_seq", allocationSize = 50)
    @Column(name = "login_node_status_id")
    public Long id;

    @Column(name = "snapshot_id", nullable = false)
    public long snapshotId;

    @Column(name = "login_node_id", nullable = false)
    public long loginNodeId;

    /** The name is denormalised from the lookup row for reading; it is not a column. */
    @Transient
    public String nodeName;

    public String nodeType;
    public boolean available;
    public boolean degraded;
    public Integer userCount;
    @Column(name = "load_1min")
    public Double load1min;
    @Column(name = "load_5min")
    public Double load5min;
    @Column(name = "load_15min")
    public Double load15min;
    public Integer numCpus;
}
