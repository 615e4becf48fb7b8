package org.hpcstatus.snapshot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A queue as the scheduler defines it (PBS: Execution or Route, enabled, started), from the newest post of its
 * system. A disabled or stopped queue is shown as such; it never changes the system's state (an administrators'
 * queue may always be disabled).
 */
@Entity
@Table(name = "queue_definition")
public class QueueDefinition extends PanacheEntityBase {

    @Id
    @Column(name = "queue_id")
    public Long queueId;

    @Column(name = "system_id", nullable = false)
    public long systemId;

    @Transient
    public String queueName;

    public String queueType;
    public Boolean enabled;
    public Boolean started;
    public Integer totalJobs;

    /** When the newest post that defined this queue was observed. */
    public Instant definedAt;
}
