package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * A new password, given the current one. It ends the user's other sessions and revokes every
 * trusted device: whoever knew the old password, or holds a device trusted under it, is out.
 */
@Stateless
public class PasswordChanges {

    /** Whether the password changed, and the words for the person. */
    public record Outcome(boolean changed, String message) {
    }

    @Inject
    Users users;

    @Inject
    Passwords passwords;

    @Inject
    PasswordConfirmations confirmations;

    @Inject
    Guards guards;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    SecurityEvents events;

    public Outcome change(UUID userId, String email, String currentPassword, String newPassword) {
        if (!confirmations.confirms(userId, email, currentPassword)) {
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
