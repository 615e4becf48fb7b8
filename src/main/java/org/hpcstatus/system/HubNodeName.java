package org.hpcstatus.system;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A node behind a JupyterHub. */
@Entity
@Table(name = "hub_node")
@AttributeOverride(name = "id", column = @Column(name = "hub_node_id"))
public class HubNodeName extends NamedRow {
}
