package org.hpcstatus.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A login: a collector's or an operator's, its bcrypt hash, and whether it may still log in. The JDBC realm reads
 * this table by the queries in application.properties; everything else goes through {@link Credentials}.
 */
@Entity
@Table(name = "api_credentials")
public class Credential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "api_credentials_id")
    public Long id;

    @Column(nullable = false)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    public String description;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
