package org.hpcstatus.snapshot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One node behind a JupyterHub within a snapshot: its scheduler state, jobs and free resources. */
@Entity
@Table(name = "hub_node_status")
public class HubNodeStatus extends PanacheEntityBase {

    /** Assigned by SnapshotWriter from this table's sequence, in blocks (see SequenceIds). */
    @Id
    @Column(name = "hub_node_status_id")
    public Long id;

    @Column(name = "snapshot_id", nullable = false)
    public long snapshotId;

    @Column(name = "hub_node_id", nullable = false)
    public long hubNodeId;

    @Transient
    public String name;

    public String state;
    public Integer jobsTotal;
    public Integer jobsRunning;
    public Integer jobsSuspended;
    @Column(name = "memory_free_gb")
    public Double memoryFreeGb;
    @Column(name = "memory_total_gb")
    public Double memoryTotalGb;
    @Column(name = "memory_used_gb")
    public Double memoryUsedGb;
    public Integer cpusFree;
    public Integer cpusTotal;
    public Integer cpusUsed;
    public Integer gpusFree;
    public Integer gpusTotal;
    public Integer gpusUsed;
    /** The node's job ids, comma-separated, as the collector sends them. */
    public String jobIds;
}
