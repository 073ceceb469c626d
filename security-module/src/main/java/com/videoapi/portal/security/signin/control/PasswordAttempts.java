package com.videoapi.portal.security.signin.control;

import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.passwords.boundary.OutdatedHashes;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * The database's side of a password check, in the two short transactions around its hash, so that no
 * connection and no row lock is held while PBKDF2 runs ({@link AccountIdentityStore#check}).
 */
@Stateless
public class PasswordAttempts {

    @Inject
    Users users;

    @Inject
    Guards guards;

    @Inject
    OutdatedHashes outdatedHashes;

    @Inject
    SecurityEvents events;

    /**
     * The first transaction: under the user's row lock, the lock check and the attempt's count
     * ({@link Guards#countPasswordCheck}: a burst of guesses gets at most the threshold of hashes), then
     * the session epoch, then the stored hash. The epoch is read before the hash: a change that
     * commits later leaves this sign-in behind; one that committed earlier changed the hash it reads.
     *
     * @return empty for an unknown address; an attempt with a null hash when the step is locked
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Attempt> begin(String email, String source) {
        Optional<UUID> id = users.idOf(email);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        UUID userId = id.get();
        if (!guards.countPasswordCheck(userId, source)) {
            return Optional.of(new Attempt(userId, null, 0L, null));
        }
        long epoch = guards.sessionEpoch(userId);
        // By address again, and the same user: one whose address changed meanwhile is unknown by the old one.
        return users.credentialOf(email).filter(c -> c.userId().equals(userId))
                .map(c -> new Attempt(userId, c.email(), epoch, c.passwordHash()));
    }

    /**
     * A right password, recorded in the caller's transaction (the sign-in's second) or in one of its
     * own: the source's count forgotten, the success audited (with it), an outdated hash replaced by its
     * renewal unless the password changed meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void right(CheckedPassword checked) {
        guards.forgetPasswordFailures(checked.userId(), checked.source());
        events.fireWithChange(Kind.SIGN_IN_PASSWORD_SUCCEEDED, checked.userId());
        checked.renewal().ifPresent(renewed -> outdatedHashes.store(checked.userId(), checked.storedHash(), renewed));
    }

    /**
     * What the first transaction read. Not {@link java.io.Serializable}, and its {@link #toString}
     * names the user only: it carries the stored hash.
     *
     * @param passwordHash null when the password step is locked for this source
     */
    public record Attempt(UUID userId, String email, long epoch, String passwordHash) {

        public boolean admitted() {
            return passwordHash != null;
        }

        @Override
        public String toString() {
            return "Attempt[" + userId + "]";
        }
    }
}
