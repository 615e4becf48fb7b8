package org.hpcstatus.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role (admin, collector); it grants permissions ({@link RolePermission}) to the credentials holding it. */
@Entity
@Table(name = "role")
public class Role {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "role_id")
    public Long id;

    @Column(name = "role_name", nullable = false)
    public String roleName;

    public String description;
}
