package com.videoapi.portal.account.phones.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The mobile number one user proved to own by typing a code sent to it, in E.164 form. At most one
 * per user; the user is referred to by id only.
 */
@Entity
@Table(name = "verified_phones")
public class VerifiedPhone {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false, length = 16)
    private String e164;

    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    protected VerifiedPhone() {
        // for JPA
    }

    public VerifiedPhone(UUID userId, String e164, Instant verifiedAt) {
        this.userId = userId;
        this.e164 = e164;
        this.verifiedAt = verifiedAt;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getE164() {
        return e164;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    /** A new number replaces the old one, proven now. */
    public void replaceWith(String newE164, Instant now) {
        this.e164 = newE164;
        this.verifiedAt = now;
    }

    @Override
    public String toString() {
        // Never the number: entities end up in logs through toString more often than one would think.
        return "VerifiedPhone[" + userId + "]";
    }
}
