package com.videoapi.portal.security.twofactor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A user whose sign-ins need a code as well as the password. The row exists only while 2FA is on;
 * the number the codes go to is the user's verified number in account-module.
 */
@Entity
@Table(name = "second_factors")
public class SecondFactor {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "enabled_at", nullable = false)
    private Instant enabledAt;

    /** The method sign-ins open on, as the person chose it; null until they choose. */
    @Column(name = "default_method", length = 16)
    private String defaultMethod;

    protected SecondFactor() {
        // for JPA
    }

    public SecondFactor(UUID userId, Instant enabledAt) {
        this.userId = userId;
        this.enabledAt = enabledAt;
    }

    public UUID getUserId() {
        return userId;
    }

    public Instant getEnabledAt() {
        return enabledAt;
    }

    public String getDefaultMethod() {
        return defaultMethod;
    }

    public void setDefaultMethod(String defaultMethod) {
        this.defaultMethod = defaultMethod;
    }
}
