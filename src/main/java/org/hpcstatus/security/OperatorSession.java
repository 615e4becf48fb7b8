package org.hpcstatus.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An operator's browser session: only the SHA-256 of its cookie's token, who, its CSRF token, when it ends. */
@Entity
@Table(name = "operator_session")
public class OperatorSession {

    @Id
    @Column(name = "token_hash", columnDefinition = "char(64)")
    public String tokenHash;

    @Column(nullable = false)
    public String username;

    @Column(name = "csrf_token", nullable = false)
    public String csrfToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
