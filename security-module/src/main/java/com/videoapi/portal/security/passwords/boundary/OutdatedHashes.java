package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
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
     * caller's transaction: {@link #renewalOf}, then {@link #store}.
     *
     * @param password   the password that has just matched {@code storedHash}
     * @return whether the hash was renewed
     */
    public boolean renew(UUID userId, String password, String storedHash) {
        return renewalOf(password, storedHash).map(renewed -> store(userId, storedHash, renewed)).orElse(false);
    }

    /**
     * A new hash of {@code password} when {@code storedHash} is outdated: the hash runs here, so a
     * caller can run it outside any transaction and store it after, in a short one.
     *
     * @param password the password that has just matched {@code storedHash}
     */
    public Optional<String> renewalOf(String password, String storedHash) {
        return passwords.isOutdated(storedHash) ? Optional.of(passwords.rehash(password)) : Optional.empty();
    }

    /**
     * Stores {@code renewed} ({@link #renewalOf}) in place of {@code storedHash}, in the caller's
     * transaction. It replaces only that very hash, under the user's row lock: a password changed in
     * the meantime is never overwritten with a hash of the old one.
     *
     * @return whether the hash was renewed
     */
    public boolean store(UUID userId, String storedHash, String renewed) {
        if (!users.replacePasswordHash(userId, storedHash, renewed)) {
            return false;
        }
        OptionalInt before = Passwords.iterationsOf(storedHash);
        events.fire(Kind.PASSWORD_REHASHED, userId, null, "PBKDF2 iterations "
                + (before.isPresent() ? before.getAsInt() : "unknown") + " -> " + Passwords.iterationsOf(renewed).orElse(0));
        return true;
    }
}
