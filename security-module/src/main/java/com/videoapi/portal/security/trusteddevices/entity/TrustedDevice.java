package com.videoapi.portal.security.trusteddevices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A browser whose owner chose "Trust this device" at a successful code step: sign-ins from it need
 * only the password, for this user only, until it expires or is revoked.
 *
 * <p>The browser holds the device's id and a random token in a cookie; only the token's SHA-256 hash
 * is stored, so a copy of this table signs nobody in. The token changes at each use: a spent token
 * presented again means the cookie was copied, and the device is revoked (as Spring Security's
 * persistent remember-me does).
 */
@Entity
@Table(name = "trusted_devices")
@NamedQuery(name = TrustedDevice.ACTIVE_OF_USER, query = "select d from TrustedDevice d where d.userId = :userId"
        + " and d.revokedAt is null and d.expiresAt > :now order by d.lastUsedAt desc")
@NamedQuery(name = TrustedDevice.ACTIVE_OF_USER_OLDEST_FIRST, query = "select d from TrustedDevice d where d.userId = :userId"
        + " and d.revokedAt is null and d.expiresAt > :now order by d.createdAt, d.id")
@NamedQuery(name = TrustedDevice.COUNT_ACTIVE, query = "select count(d) from TrustedDevice d"
        + " where d.revokedAt is null and d.expiresAt > :now")
public class TrustedDevice {

    public static final String ACTIVE_OF_USER = "TrustedDevice.activeOfUser";
    public static final String ACTIVE_OF_USER_OLDEST_FIRST = "TrustedDevice.activeOfUserOldestFirst";
    public static final String COUNT_ACTIVE = "TrustedDevice.countActive";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 100)
    private String label;

    /** The token spent at the last rotation, good for a few seconds after it (a double click). */
    @Column(name = "previous_token_hash", length = 64)
    private String previousTokenHash;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected TrustedDevice() {
        // for JPA
    }

    public TrustedDevice(UUID userId, String tokenHash, String label, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.label = label;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = expiresAt;
    }

    /** Whether it may stand in for a code at {@code now}: not revoked and not expired. */
    public boolean isActiveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void usedAt(Instant now) {
        lastUsedAt = now;
    }

    /** A new token for the next use: the one just presented is spent, and remembered as spent {@code now}. */
    public void rotate(String newTokenHash, Instant now) {
        previousTokenHash = tokenHash;
        rotatedAt = now;
        tokenHash = newTokenHash;
    }

    /**
     * A new token for a request that presented the token spent at the last rotation, within its
     * grace: the earlier rotation's time and token stay, so the grace is counted from the first
     * rotation however often the same old token comes (a triple click), and never grows.
     */
    public void rotateAgain(String newTokenHash) {
        tokenHash = newTokenHash;
    }

    /**
     * Whether {@code presentedHash} is the token spent at the last rotation, presented less than
     * {@code grace} after it: the second request of a double click, not a copied cookie.
     */
    public boolean isSpentWithinGrace(String presentedHash, Instant now, Duration grace) {
        return previousTokenHash != null && rotatedAt != null && now.isBefore(rotatedAt.plus(grace))
                && MessageDigest.isEqual(previousTokenHash.getBytes(StandardCharsets.US_ASCII),
                presentedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The token spent at the last rotation, or null before any. */
    public String getPreviousTokenHash() {
        return previousTokenHash;
    }

    /** When the token last rotated, or null before any. */
    public Instant getRotatedAt() {
        return rotatedAt;
    }

    public void revokeAt(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getLabel() {
        return label;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
