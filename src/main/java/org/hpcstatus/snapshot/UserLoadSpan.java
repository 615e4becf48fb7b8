package org.hpcstatus.snapshot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One user's load in one queue under one project, unchanged from first_seen to last_seen. Personal data: read only
 * for a caller with VIEW_SYSTEM_STATUS_USER_INFO.
 */
@Entity
@Table(name = "user_load_span")
public class UserLoadSpan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "span_id")
    public Long id;

    @Column(name = "system_id", nullable = false)
    public long systemId;

    public String username;
    public String projectCode;
    public String queueName;
    public Integer runningJobs;
    public Integer pendingJobs;
    public Integer heldJobs;
    public Integer coresAllocated;
    public Integer gpusAllocated;
    public Integer nodesAllocated;
    public Integer coresPending;
    public Integer gpusPending;
    public Integer coresHeld;
    public Integer gpusHeld;
    public Instant firstSeen;
    public Instant lastSeen;
}
