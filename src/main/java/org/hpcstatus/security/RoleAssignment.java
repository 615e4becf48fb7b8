package org.hpcstatus.security;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A credential holding a role. */
@Entity
@Table(name = "role_api_credentials")
@IdClass(RoleAssignment.Key.class)
public class RoleAssignment {

    public record Key(Long roleId, Long credentialId) implements Serializable {
    }

    @Id
    @Column(name = "role_id")
    public Long roleId;

    @Id
    @Column(name = "api_credentials_id")
    public Long credentialId;
}
