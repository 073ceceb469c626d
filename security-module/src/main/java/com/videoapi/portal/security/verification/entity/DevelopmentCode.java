package com.videoapi.portal.security.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A code of the development channel: only its hash, expiry and the wrong tries, never the code.
 */
@Entity
@Table(name = "development_codes")
public class DevelopmentCode {

    @Id
    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Version
    private long version;

    protected DevelopmentCode() {
        // for JPA
    }

    public DevelopmentCode(UUID requestId, String codeHash, Instant expiresAt) {
        this.requestId = requestId;
        this.codeHash = codeHash;
        this.expiresAt = expiresAt;
    }

    public void countWrongTry() {
        attempts++;
    }

    public UUID getRequestId() {
        return requestId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public int getAttempts() {
        return attempts;
    }
}
