package org.hpcstatus.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A configured system's row, which every other row of the system refers to; found or created at start. */
@Entity
@Table(name = "hpc_system")
public class SystemRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "system_id")
    public Long id;

    @Column(nullable = false)
    public String name;
}
