package org.hpcstatus.jobs;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A scheduled job's period, claimed by one replica under a lease, and when it was done. */
@Entity
@Table(name = "job_run")
@IdClass(JobRun.Key.class)
public class JobRun {

    public record Key(String jobName, Instant periodStart) implements Serializable {
    }

    @Id
    @Column(name = "job_name")
    public String jobName;

    @Id
    @Column(name = "period_start")
    public Instant periodStart;

    @Column(nullable = false)
    public String holder;

    @Column(name = "lease_until", nullable = false)
    public Instant leaseUntil;

    @Column(name = "completed_at")
    public Instant completedAt;
}
