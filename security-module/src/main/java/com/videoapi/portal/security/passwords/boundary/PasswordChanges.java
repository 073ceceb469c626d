package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.account.users.boundary.StoredCredential;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.entity.AccountGuard.Step;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * A new password, given the current one. It ends the user's other sessions and revokes every
 * trusted device: whoever knew the old password, or holds a device trusted under it, is out.
 */
@Stateless
public class PasswordChanges {

    /** Null on success, else the message for the person. */
    public record Outcome(boolean changed, String message) {
    }

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    Guards guards;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    SecurityEvents events;

    public Outcome change(UUID userId, String email, String currentPassword, String newPassword) {
        Optional<StoredCredential> credential = users.credentialOf(email);
        if (credential.isEmpty() || !credential.get().userId().equals(userId)
                || guards.isLocked(userId, Step.PASSWORD)
                || !passwords.matches(currentPassword, credential.get().passwordHash())) {
            if (credential.isPresent()) {
                guards.failed(userId, Step.PASSWORD);
            }
            return new Outcome(false, "Your current password is not right.");
        }
        String hash;
        try {
            hash = passwords.hash(newPassword);
        } catch (IllegalArgumentException weak) {
            return new Outcome(false, weak.getMessage());
        }
        users.changePasswordHash(userId, hash);
        trustedDevices.revokeAll(userId, "password changed");
        guards.endSessions(userId);
        events.fire(Kind.PASSWORD_CHANGED, userId);
        return new Outcome(true, "Your password was changed. Other sessions were signed out and trusted devices revoked.");
    }
}
