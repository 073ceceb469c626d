package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.account.users.boundary.StoredCredential;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.guards.boundary.AddressThrottles;
import com.videoapi.portal.security.guards.boundary.Guards;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in person typing their password again, before a sensitive change. It is a password step
 * like sign-in: counted against the client's address, refused while that step is locked for the
 * client's source, and counted towards that lock before the hash runs.
 */
@Stateless
public class PasswordConfirmations {

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    Guards guards;

    @Inject
    AddressThrottles throttles;

    @Inject
    RequestOrigin origin;

    /** Whether {@code password} is the password of this user (signed in as {@code email}). */
    public boolean confirms(UUID userId, String email, String password) {
        String source = origin.source();
        throttles.passwordCheck(source);
        if (!guards.admitPasswordCheck(userId, source)) {
            return false;
        }
        Optional<StoredCredential> credential = users.credentialOf(email).filter(c -> c.userId().equals(userId));
        if (credential.isEmpty() || !passwords.matches(password, credential.get().passwordHash())) {
            // Counted already, when it was admitted.
            return false;
        }
        guards.passwordRight(userId, source);
        return true;
    }
}
