package org.hpcstatus.security;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A permission a role grants; the names are what the code checks ({@link Permissions}). */
@Entity
@Table(name = "role_permission")
@IdClass(RolePermission.Key.class)
public class RolePermission {

    public record Key(Long roleId, String permission) implements Serializable {
    }

    @Id
    @Column(name = "role_id")
    public Long roleId;

    @Id
    public String permission;
}
