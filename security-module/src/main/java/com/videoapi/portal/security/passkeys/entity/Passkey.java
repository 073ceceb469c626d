package com.videoapi.portal.security.passkeys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A passkey or security key that a user registered as a second factor: its public key and the
 * signature counter it last reported. Nothing here signs anyone in without the authenticator.
 */
@Entity
@Table(name = "passkeys")
@NamedQuery(name = Passkey.OF_USER, query = "select p from Passkey p where p.userId = :userId order by p.addedAt, p.id")
@NamedQuery(name = Passkey.BY_CREDENTIAL, query = "select p from Passkey p where p.credentialIdHash = :hash")
@NamedQuery(name = Passkey.COUNT_OF_USER, query = "select count(p) from Passkey p where p.userId = :userId")
public class Passkey {

    public static final String OF_USER = "Passkey.ofUser";
    public static final String BY_CREDENTIAL = "Passkey.byCredential";
    public static final String COUNT_OF_USER = "Passkey.countOfUser";

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "credential_id_hash", nullable = false, updatable = false, length = 64)
    private String credentialIdHash;

    @Column(name = "credential_id", nullable = false, updatable = false, length = 1400)
    private String credentialId;

    @Column(name = "credential_data", nullable = false, updatable = false, length = 4000)
    private String credentialData;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Version
    private long version;

    protected Passkey() {
        // for JPA
    }

    public Passkey(UUID userId, String name, String credentialIdHash, String credentialId, String credentialData,
                   long signCount, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.name = name;
        this.credentialIdHash = credentialIdHash;
        this.credentialId = credentialId;
        this.credentialData = credentialData;
        this.signCount = signCount;
        this.addedAt = now;
    }

    /** A sign-in with it: the counter it reported now (already checked), and when. */
    public void usedAt(Instant now, long newSignCount) {
        lastUsedAt = now;
        signCount = newSignCount;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getCredentialIdHash() {
        return credentialIdHash;
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getCredentialData() {
        return credentialData;
    }

    public long getSignCount() {
        return signCount;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
