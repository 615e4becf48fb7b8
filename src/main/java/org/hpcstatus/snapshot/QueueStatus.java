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

/** One batch queue's load within a snapshot. */
@Entity
@Table(name = "queue_status")
public class QueueStatus extends PanacheEntityBase {

    /**
     * From this table's sequence, 50 ids a call (pooled-lo: a value v reserves v to v+49 for this process alone), so
     * replicas and bulk loaders that take one value a row never collide; SequenceSteps checks the step at start.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "queue_status_seq")
    @SequenceGenerator(name = "queue_status_seq", sequenceName = "queue_status_seq", allocationSize = 50)
    @Column(name = "queue_status_id")
    public Long id;

    @Column(name = "snapshot_id", nullable = false)
    public long snapshotId;

    @Column(name = "queue_id", nullable = false)
    public long queueId;

    @Transient
    public String queueName;

    public Integer runningJobs;
    public Integer pendingJobs;
    public Integer heldJobs;
    public Integer activeUsers;
    public Integer coresAllocated;
    public Integer coresPending;
    public Integer coresHeld;
    public Integer gpusAllocated;
    public Integer gpusPending;
    public Integer gpusHeld;
    public Integer nodesAllocated;
    /** Of the jobs that started in the last hour: how many, and the median and 90th percentile of their waits. */
    public Integer jobsStartedLastHour;
    public Integer waitMedianMinutes;
    public Integer waitP90Minutes;
}
