package org.hpcstatus.system;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A login node of a system. */
@Entity
@Table(name = "login_node")
@AttributeOverride(name = "id", column = @Column(name = "login_node_id"))
public class LoginNodeName extends NamedRow {
}
