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

/** One filesystem's health and capacity within a snapshot. */
@Entity
@Table(name = "filesystem_status")
public class FilesystemStatus extends PanacheEntityBase {

    /**
     * From this table's sequence, 50 ids a call (pooled-lo: a value v reserves v to v+49 for this process alone), so
     * replicas and bulk loaders that take one value a row never collide; SequenceSteps checks the step at start.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "filesystem_status_seq")
    @SequenceGenerator(name = "filesystem_status_seq", sequenceName = "filesystem_status_seq", allocationSize = 50)
    @Column(name = "filesystem_status_id")
    public Long id;

    @Column(name = "snapshot_id", nullable = false)
    public long snapshotId;

    @Column(name = "filesystem_id", nullable = false)
    public long filesystemId;

    @Transient
    public String filesystemName;

    public boolean available;
    public boolean degraded;
    @Column(name = "capacity_tb")
    public Double capacityTb;
    @Column(name = "used_tb")
    public Double usedTb;
    public Double utilizationPercent;
    public Long capacityInodes;
    public Long usedInodes;
    public Double inodesUtilizationPercent;
}
