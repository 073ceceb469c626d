package com.videoapi.portal.account.users.entity;

import com.videoapi.portal.account.users.boundary.EmailAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who signs in to an account with an e-mail address and a password.
 *
 * <p>The e-mail address is stored normalised ({@link EmailAddress}) and is unique across all
 * accounts, so that it alone identifies the person at sign-in. The password hash is opaque here:
 * this module neither computes nor checks it.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where u.email = :email")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    /** The account this person signs in to (accounts capability), by id. */
    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, unique = true, length = EmailAddress.MAX_LENGTH)
    private String email;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME_LENGTH)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When the user proved to own {@link #email}; null until then (set by the e-mail capability, issue 10). */
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    /** The language the person signed up in (BCP 47), for their mails; null when unknown. */
    @Column(name = "language", length = 35)
    private String language;

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    public User(UUID accountId, EmailAddress email, String displayName, String passwordHash, Instant now) {
        this.accountId = accountId;
        this.email = email.value();
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        // Never the hash: entities end up in logs through toString more often than one would think.
        return "User[" + id + "]";
    }

    public boolean hasVerifiedEmail() {
        return emailVerifiedAt != null;
    }

    public Instant getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    /** The address is proven to be the person's (a link sent to it was followed). */
    public void emailVerified(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
            updatedAt = now;
        }
    }

    /** A new sign-in address, proven by a link sent to it. */
    public void changeEmail(EmailAddress address, Instant now) {
        this.email = address.value();
        this.emailVerifiedAt = now;
        this.updatedAt = now;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
