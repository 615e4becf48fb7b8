package org.hpcstatus.snapshot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A system's pointer to its newest snapshot; created at start-up and moved forward only, by SnapshotWriter. */
@Entity
@Table(name = "latest_snapshot")
public class LatestPointer extends PanacheEntityBase {

    @Id
    @Column(name = "system_id")
    public Long systemId;

    @Column(name = "snapshot_id")
    public Long snapshotId;

    @Column(name = "observed_at")
    public Instant observedAt;
}
