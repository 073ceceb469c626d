package com.videoapi.portal.security.twofactor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The verified number that switching 2FA off, or enrolling another number, just replaced: kept only
 * until the security notice of that change takes it into its "This wasn't me" link, so that securing
 * the account can put 2FA back as it was.
 */
@Entity
@Table(name = "former_numbers")
public class FormerNumber {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false, length = 16)
    private String e164;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    protected FormerNumber() {
        // for JPA
    }

    public FormerNumber(UUID userId, String e164, Instant replacedAt) {
        this.userId = userId;
        this.e164 = e164;
        this.replacedAt = replacedAt;
    }

    public String getE164() {
        return e164;
    }

    public void replace(String e164, Instant replacedAt) {
        this.e164 = e164;
        this.replacedAt = replacedAt;
    }
}
