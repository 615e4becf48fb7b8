package org.hpcstatus.system;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A batch queue of a system (its status and its place in the roster share it). */
@Entity
@Table(name = "batch_queue")
@AttributeOverride(name = "id", column = @Column(name = "queue_id"))
public class QueueName extends NamedRow {
}
