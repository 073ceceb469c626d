package com.videoapi.portal.security.authenticator.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's authenticator app: its TOTP secret, sealed (never stored in the clear), and the last
 * 30-second step whose code was accepted. Until {@code confirmedAt} is set (one right code) it is
 * being added and signs nobody in. {@link #ACCEPT_STEP} moves the step forward only: of two requests
 * with one code, one updates the row.
 */
@Entity
@Table(name = "authenticators")
@NamedQuery(name = Authenticator.ACCEPT_STEP, query = "update Authenticator a set a.lastStep = :step, a.lastUsedAt = :now"
        + " where a.userId = :userId and a.lastStep < :step")
public class Authenticator {

    public static final String ACCEPT_STEP = "Authenticator.acceptStep";

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "sealed_secret", nullable = false, length = 200)
    private String sealedSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    @Column(name = "preferred", nullable = false)
    private boolean preferred;

    protected Authenticator() {
        // for JPA
    }

    public Authenticator(UUID userId, String sealedSecret, Instant createdAt) {
        this.userId = userId;
        this.sealedSecret = sealedSecret;
        this.createdAt = createdAt;
        this.lastStep = Long.MIN_VALUE / 2;
    }

    public void confirmed(Instant at, long step) {
        confirmedAt = at;
        lastUsedAt = at;
        lastStep = step;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getSealedSecret() {
        return sealedSecret;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public long getLastStep() {
        return lastStep;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public boolean isPreferred() {
        return preferred;
    }

    public void setPreferred(boolean preferred) {
        this.preferred = preferred;
    }
}
