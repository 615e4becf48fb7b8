package org.hpcstatus.snapshot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One collector post: the system-wide metrics at one instant. Columns a system kind does not collect stay null.
 * Which JSON field fills which column is defined once, in {@link SnapshotFields} (a JSON name is its column name);
 * Hibernate, which only reads these rows, reaches the same columns through the naming strategy and the few
 * {@code @Column} names below, and FieldRoundTripTests checks that the two agree for every field.
 */
@Entity
@Table(name = "status_snapshot")
public class Snapshot extends PanacheEntityBase {

    /**
     * From this table's sequence, 50 ids a call (pooled-lo: a value v reserves v to v+49 for this process alone), so
     * replicas and bulk loaders that take one value a row never collide; SequenceSteps checks the step at start.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "status_snapshot_seq")
    @SequenceGenerator(name = "status_snapshot_seq", sequenceName = "status_snapshot_seq", allocationSize = 50)
    @Column(name = "snapshot_id")
    public Long id;

    @Column(name = "system_id", nullable = false)
    public long systemId;

    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "content_hash", nullable = false, length = 64, columnDefinition = "char(64)")
    public String contentHash;

    /** What the service noticed about the post (a clock hours behind), one per line; null when nothing. */
    public String warnings;

    public Boolean available;

    public Integer computeNodesTotal;
    public Integer computeNodesAvailable;
    public Integer computeNodesDown;

    public Integer cpuNodesTotal;
    public Integer cpuNodesAvailable;
    public Integer cpuNodesDown;
    public Integer cpuNodesReserved;

    public Integer gpuNodesTotal;
    public Integer gpuNodesAvailable;
    public Integer gpuNodesDown;
    public Integer gpuNodesReserved;

    public Integer vizNodesTotal;
    public Integer vizNodesAvailable;
    public Integer vizNodesDown;
    public Integer vizNodesReserved;

    public Integer cpuCoresTotal;
    public Integer cpuCoresAllocated;
    public Integer cpuCoresIdle;
    public Double cpuUtilizationPercent;

    public Integer gpuCountTotal;
    public Integer gpuCountAllocated;
    public Integer gpuCountIdle;
    public Double gpuUtilizationPercent;

    public Integer vizCountTotal;
    public Integer vizCountAllocated;
    public Integer vizCountIdle;
    public Double vizUtilizationPercent;

    @Column(name = "memory_total_gb")
    public Double memoryTotalGb;
    @Column(name = "memory_allocated_gb")
    public Double memoryAllocatedGb;
    public Double memoryUtilizationPercent;

    public Integer runningJobs;
    public Integer pendingJobs;
    public Integer heldJobs;
    public Integer activeUsers;
    public Integer activeSessions;

    // The capacity behind a JupyterHub, as its deployed collector reports it.
    public Integer nodesTotal;
    public Integer nodesFree;
    public Integer nodesBusy;
    public Integer nodesDown;
    public Integer cpusTotal;
    public Integer cpusFree;
    public Integer cpusUsed;
    public Integer gpusTotal;
    public Integer gpusFree;
    public Integer gpusUsed;
    @Column(name = "memory_free_gb")
    public Double memoryFreeGb;
    @Column(name = "memory_used_gb")
    public Double memoryUsedGb;
    public Integer jobsRunning;
    public Integer jobsSuspended;
    public Integer casperLoginJobs;
    public Integer casperBatchJobs;
    public Integer derechoBatchJobs;
}
