package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.OptionalInt;
import java.util.UUID;

/**
 * Stored hashes made with fewer iterations than are configured now, renewed when their password is
 * at hand: at a sign-in whose password matched (OWASP Password Storage Cheat Sheet, "upgrading the
 * work factor"). Raising {@code passwords.pbkdf2.iterations} so reaches every active user without a
 * forced password reset. A hash with more iterations than configured stays as it is.
 */
@ApplicationScoped
public class OutdatedHashes {

    @Inject
    Passwords passwords;

    @Inject
    Users users;

    @Inject
    SecurityEvents events;

    /**
     * Replaces {@code storedHash} with a new hash of {@code password} when it is outdated, in the
     * caller's transaction. It replaces only that very hash: a password changed in the meantime is
     * never overwritten with a hash of the old one.
     *
     * @param password   the password that has just matched {@code storedHash}
     * @return whether the hash was renewed
     */
    public boolean renew(UUID userId, String password, String storedHash) {
        if (!passwords.isOutdated(storedHash)) {
            return false;
        }
        String renewed = passwords.rehash(password);
        if (!users.replacePasswordHash(userId, storedHash, renewed)) {
            return false;
        }
        OptionalInt before = Passwords.iterationsOf(storedHash);
        events.fire(Kind.PASSWORD_REHASHED, userId, null, "PBKDF2 iterations "
                + (before.isPresent() ? before.getAsInt() : "unknown") + " -> " + Passwords.iterationsOf(renewed).orElse(0));
        return true;
    }
}
