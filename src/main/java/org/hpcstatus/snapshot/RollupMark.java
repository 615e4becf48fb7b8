package org.hpcstatus.snapshot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored snapshot's mark on its hour, telling the roll-up job to recompute that hour: a row per snapshot, written
 * in the snapshot's transaction, so posts never wait for each other on a shared row; the job removes the marks it
 * read once the hour is done.
 */
@Entity
@Table(name = "rollup_mark")
public class RollupMark {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "mark_id")
    public Long id;

    @Column(name = "system_id", nullable = false)
    public long systemId;

    @Column(name = "hour_start", nullable = false)
    public Instant hourStart;
}
