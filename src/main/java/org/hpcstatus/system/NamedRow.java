package org.hpcstatus.system;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A name snapshot rows refer to by id (a login node, a queue, ...): one row per (system, name), never renamed or
 * deleted. Each name table is an entity of its own; {@link Lookups} is the one class that reads and writes them.
 */
@MappedSuperclass
public abstract class NamedRow {

    /** Each table names its id column (login_node_id, queue_id, ...) with an @AttributeOverride. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "system_id", nullable = false)
    public long systemId;

    @Column(nullable = false)
    public String name;
}
