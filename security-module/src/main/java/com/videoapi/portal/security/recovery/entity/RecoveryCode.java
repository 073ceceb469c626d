package com.videoapi.portal.security.recovery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One recovery code of a user: only its SHA-256 is kept. Spent once: {@link #SPEND} sets
 * {@code usedAt} only where it is still null, so of two requests with one code exactly one updates
 * the row, whatever the database's isolation.
 */
@Entity
@Table(name = "recovery_codes")
@NamedQuery(name = RecoveryCode.OF_USER, query = "select c from RecoveryCode c where c.userId = :userId")
@NamedQuery(name = RecoveryCode.SPEND, query = "update RecoveryCode c set c.usedAt = :now"
        + " where c.userId = :userId and c.codeHash = :hash and c.usedAt is null")
@NamedQuery(name = RecoveryCode.REMOVE_OF_USER, query = "delete from RecoveryCode c where c.userId = :userId")
public class RecoveryCode {

    public static final String OF_USER = "RecoveryCode.ofUser";
    public static final String SPEND = "RecoveryCode.spend";
    public static final String REMOVE_OF_USER = "RecoveryCode.removeOfUser";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
        // for JPA
    }

    public RecoveryCode(UUID userId, String codeHash, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public boolean isUsed() {
        return usedAt != null;
    }
}
