package org.hpcstatus.snapshot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One batch queue's load within a snapshot. */
@Entity
@Table(name = "queue_status")
public class QueueStatus extends PanacheEntityBase {

    /** Assigned by SnapshotWriter from this table's sequence, in blocks (see SequenceIds). */
    @Id
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
}
