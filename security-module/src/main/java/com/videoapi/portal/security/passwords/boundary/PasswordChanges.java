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

    /** Whether the password changed, or why not. */
    public enum Result { CHANGED, CURRENT_PASSWORD_WRONG, NEW_PASSWORD_REFUSED }

    /** @param problem what is wrong with the new password, for {@link Result#NEW_PASSWORD_REFUSED}; else null */
    public record Outcome(Result result, PasswordProblem problem) {

        public boolean changed() {
            return result == Result.CHANGED;
        }
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
            return new Outcome(Result.CURRENT_PASSWORD_WRONG, null);
        }
        String hash;
        try {
            hash = passwords.hash(newPassword);
        } catch (PasswordProblem.Refused weak) {
            return new Outcome(Result.NEW_PASSWORD_REFUSED, weak.problem());
        }
        users.changePasswordHash(userId, hash);
        trustedDevices.revokeAll(userId, "password changed");
        guards.endSessions(userId);
        events.fire(Kind.PASSWORD_CHANGED, userId);
        return new Outcome(Result.CHANGED, null);
    }
}
