package com.videoapi.portal.security.passwordreset.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A "Forgot password?" link mailed to a user: whoever holds its token may choose a new password once,
 * within its lifetime, after the second factor when 2FA is on. Only the token's SHA-256 is stored. A
 * newer link voids this one; spending it is one conditional update ({@link #SPEND}), so of two
 * requests racing with the same link exactly one wins.
 */
@Entity
@Table(name = "password_reset_links")
@NamedQuery(name = ResetLink.BY_TOKEN_HASH, query = "select l from ResetLink l where l.tokenHash = :tokenHash")
@NamedQuery(name = ResetLink.VOID_OPEN_OF_USER, query = "update ResetLink l set l.voidedAt = :now, l.version = l.version + 1"
        + " where l.userId = :userId and l.usedAt is null and l.voidedAt is null")
@NamedQuery(name = ResetLink.SPEND, query = "update ResetLink l set l.usedAt = :now, l.version = l.version + 1"
        + " where l.id = :id and l.usedAt is null and l.voidedAt is null and l.expiresAt > :now")
@NamedQuery(name = ResetLink.EXPIRED_BEFORE, query = "select l.id from ResetLink l where l.expiresAt < :cutoff order by l.expiresAt")
public class ResetLink {

    public static final String BY_TOKEN_HASH = "ResetLink.byTokenHash";
    public static final String VOID_OPEN_OF_USER = "ResetLink.voidOpenOfUser";
    public static final String SPEND = "ResetLink.spend";
    public static final String EXPIRED_BEFORE = "ResetLink.expiredBefore";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "proof_hash", length = 64)
    private String proofHash;

    @Version
    private long version;

    protected ResetLink() {
        // for JPA
    }

    public ResetLink(UUID userId, String tokenHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public Instant getVoidedAt() {
        return voidedAt;
    }

    public String getProofHash() {
        return proofHash;
    }

    /** The second factor was given for this link; the holder of the matching proof may finish. */
    public void proven(String proofHash) {
        this.proofHash = proofHash;
    }
}
