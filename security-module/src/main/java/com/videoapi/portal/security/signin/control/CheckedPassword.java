package com.videoapi.portal.security.signin.control;

import java.util.Optional;
import java.util.UUID;

/**
 * A password checked by {@link AccountIdentityStore#check}, between the sign-in's two transactions:
 * the user, the source it came from, the session epoch read before the stored hash was, and, when the
 * stored hash was outdated, its renewal, hashed already. Never stored in a session, never logged:
 * {@link #toString} names the user only.
 *
 * @param right       whether the password was the user's (and the step not locked)
 * @param userId      null for an unknown address
 * @param callerName  the user's normalised e-mail address
 * @param storedHash  the hash the password matched; null unless right
 * @param renewedHash a new hash of the password to replace {@code storedHash} with; null when not outdated
 */
public record CheckedPassword(boolean right, UUID userId, String callerName, String source, long epoch,
                              String storedHash, String renewedHash) {

    static CheckedPassword wrong(UUID userId, String source) {
        return new CheckedPassword(false, userId, null, source, 0L, null, null);
    }

    public Optional<String> renewal() {
        return Optional.ofNullable(renewedHash);
    }

    @Override
    public String toString() {
        return "CheckedPassword[" + (right ? "right" : "refused") + ", " + userId + "]";
    }
}
