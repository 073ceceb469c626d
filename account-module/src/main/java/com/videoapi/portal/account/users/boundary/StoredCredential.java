package com.videoapi.portal.account.users.boundary;

import java.util.UUID;

/**
 * A user's stored password hash, for the module that checks passwords. Deliberately not
 * {@link java.io.Serializable} and without a readable {@code toString()}: it must not travel into
 * sessions or logs.
 */
public final class StoredCredential {

    private final UUID userId;
    private final String email;
    private final String passwordHash;

    public StoredCredential(UUID userId, String email, String passwordHash) {
        this.userId = userId;
        this.email = email;
        this.passwordHash = passwordHash;
    }

    public UUID userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    @Override
    public String toString() {
        return "StoredCredential[" + userId + "]";
    }
}
