package org.hpcstatus.snapshot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One filesystem's health and capacity within a snapshot. */
@Entity
@Table(name = "filesystem_status")
public class FilesystemStatus extends PanacheEntityBase {

    /** Assigned by SnapshotWriter from this table's sequence, in blocks (see SequenceIds). */
    @Id
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
