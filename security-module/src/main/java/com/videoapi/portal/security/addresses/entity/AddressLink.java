package com.videoapi.portal.security.addresses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A link mailed to an address to prove that the person owns it: at sign-up ({@link Purpose#VERIFY})
 * or before the address a user signs in with changes ({@link Purpose#CHANGE}). Only the SHA-256 of the
 * link's token is kept. A link works once, until it expires, and only while no newer link of the same
 * purpose was sent to the user: spending and voiding are single updates (see {@code AddressVerifications}).
 */
@Entity
@Table(name = "address_links")
public class AddressLink {

    /** What following the link does. */
    public enum Purpose { VERIFY, CHANGE }

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Purpose purpose;

    /** The address the link went to: the one it proves. */
    @Column(nullable = false, updatable = false, length = 254)
    private String address;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    protected AddressLink() {
        // for JPA
    }

    public AddressLink(String tokenHash, UUID userId, Purpose purpose, String address, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.purpose = purpose;
        this.address = address;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID getUserId() {
        return userId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getAddress() {
        return address;
    }

    public Instant getCreatedAt() {
        return createdAt;
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

    @Override
    public String toString() {
        return "AddressLink[" + purpose + " of " + userId + "]";
    }
}
