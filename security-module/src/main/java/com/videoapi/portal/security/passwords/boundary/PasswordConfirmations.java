package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.account.users.boundary.StoredCredential;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.boundary.Step;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in person typing their password again, before a sensitive change. It is a password step
 * like sign-in: refused while that step is locked, and a wrong one counts towards the lock.
 */
@Stateless
public class PasswordConfirmations {

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    Guards guards;

    /** Whether {@code password} is the password of this user (signed in as {@code email}). */
    public boolean confirms(UUID userId, String email, String password) {
        Optional<StoredCredential> credential = users.credentialOf(email).filter(c -> c.userId().equals(userId));
        if (credential.isEmpty() || guards.isLocked(userId, Step.PASSWORD)
                || !passwords.matches(password, credential.get().passwordHash())) {
            guards.failed(userId, Step.PASSWORD);
            return false;
        }
        return true;
    }
}
