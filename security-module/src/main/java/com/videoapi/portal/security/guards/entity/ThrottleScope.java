package com.videoapi.portal.security.guards.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The anchor of one throttle's or cooldown's scope ({@code password-checks:203.0.113.7}): a check
 * locks it before it sums and counts the scope's {@link ThrottleCount}s, so that checks of one scope
 * take turns on every node of a cluster.
 */
@Entity
@Table(name = "throttle_scopes")
public class ThrottleScope {

    @Id
    private String scope;

    protected ThrottleScope() {
        // for JPA
    }

    public ThrottleScope(String scope) {
        this.scope = scope;
    }
}
