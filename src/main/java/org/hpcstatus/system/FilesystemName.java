package org.hpcstatus.system;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A filesystem of a system. */
@Entity
@Table(name = "filesystem")
@AttributeOverride(name = "id", column = @Column(name = "filesystem_id"))
public class FilesystemName extends NamedRow {
}
