package com.videoapi.portal.security.notices.entity;

import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * The "This wasn't me" link of one security notice: usable once, without signing in, until it
 * expires. Only the token's SHA-256 is stored. When the reported change weakened 2FA it keeps the
 * number verified before ({@code restore_e164}), which securing the account puts back; the number is
 * cleared when the link is spent.
 */
@Entity
@Table(name = "account_securing_links")
@NamedQuery(name = SecuringLink.BY_TOKEN_HASH, query = "select l from SecuringLink l where l.tokenHash = :tokenHash")
@NamedQuery(name = SecuringLink.SPEND, query = "update SecuringLink l set l.usedAt = :now, l.restoreE164 = null,"
        + " l.version = l.version + 1 where l.id = :id and l.usedAt is null and l.expiresAt > :now")
@NamedQuery(name = SecuringLink.EXPIRED_BEFORE, query = "select l.id from SecuringLink l where l.expiresAt < :cutoff order by l.expiresAt")
public class SecuringLink {

    public static final String BY_TOKEN_HASH = "SecuringLink.byTokenHash";
    public static final String SPEND = "SecuringLink.spend";
    public static final String EXPIRED_BEFORE = "SecuringLink.expiredBefore";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "reported_kind", nullable = false, length = 32, updatable = false)
    private SecurityEvent.Kind reportedKind;

    @Column(name = "reported_at", nullable = false, updatable = false)
    private Instant reportedAt;

    @Column(name = "restore_e164", length = 16)
    private String restoreE164;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    private long version;

    protected SecuringLink() {
        // for JPA
    }

    public SecuringLink(UUID userId, String tokenHash, SecurityEvent.Kind reportedKind, Instant reportedAt,
                        String restoreE164, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.reportedKind = reportedKind;
        this.reportedAt = reportedAt;
        this.restoreE164 = restoreE164;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public SecurityEvent.Kind getReportedKind() {
        return reportedKind;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public String getRestoreE164() {
        return restoreE164;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
