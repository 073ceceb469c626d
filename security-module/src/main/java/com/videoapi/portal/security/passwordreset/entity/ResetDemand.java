package com.videoapi.portal.security.passwordreset.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A user who must choose a new password through a mailed link before signing in again: their account
 * was reported as not theirs ("This wasn't me"), so the password is known to someone else. The row
 * goes when the password is reset.
 */
@Entity
@Table(name = "password_reset_demands")
public class ResetDemand {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "demanded_at", nullable = false)
    private Instant demandedAt;

    protected ResetDemand() {
        // for JPA
    }

    public ResetDemand(UUID userId, Instant demandedAt) {
        this.userId = userId;
        this.demandedAt = demandedAt;
    }

    public UUID getUserId() {
        return userId;
    }

    public Instant getDemandedAt() {
        return demandedAt;
    }
}
