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

/** One node behind a JupyterHub within a snapshot: its scheduler state, jobs and free resources. */
@Entity
@Table(name = "hub_node_status")
public class HubNodeStatus extends PanacheEntityBase {

    /**
     * From this table's sequence, 50 ids a call (pooled-lo: a value v reserves v to v+49 for this process alone), so
     * replicas and bulk loaders that take one value a row never collide; SequenceSteps checks the step at start.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hub_node_status_seq")
    @SequenceGenerator(name = "hub_node_status_seq", sequenceName = "hub_node_status_seq", allocationSize = 50)
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
