package org.hpcstatus.system;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A node type of a heterogeneous cluster (Casper's gpu-v100). */
@Entity
@Table(name = "node_type")
@AttributeOverride(name = "id", column = @Column(name = "node_type_id"))
public class NodeTypeName extends NamedRow {
}
