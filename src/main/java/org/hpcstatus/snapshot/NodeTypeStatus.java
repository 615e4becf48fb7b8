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

/** One node type of a heterogeneous cluster (e.g. Casper's gpu-v100) within a snapshot. */
@Entity
@Table(name = "node_type_status")
public class NodeTypeStatus extends PanacheEntityBase {

    /**
     * From this table's sequence, 50 ids a call (pooled-lo: a value v reserves v to v+49 for this process alone), so
     * replicas and bulk loaders that take one value a row never collide; SequenceSteps checks the step at start.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "node_type_status_seq")
    @SequenceGenerator(name = "node_type_status_seq", sequenceName = "node_type_status_seq", allocationSize = 50)
    @Column(name = "node_type_status_id")
    public Long id;

    @Column(name = "snapshot_id", nullable = false)
    public long snapshotId;

    @Column(name = "node_type_id", nullable = false)
    public long nodeTypeId;

    @Transient
    public String nodeType;

    public Integer nodesTotal;
    public Integer nodesAvailable;
    public Integer nodesDown;
    public Integer nodesAllocated;
    public Integer coresPerNode;
    @Column(name = "memory_gb_per_node")
    public Double memoryGbPerNode;
    public String gpuModel;
    public Integer gpusPerNode;
    public Double utilizationPercent;
    public Double memoryUtilizationPercent;
}
