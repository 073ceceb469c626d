package com.videoapi.portal.account.users.boundary;

import com.videoapi.portal.account.accounts.boundary.AccountName;
import com.videoapi.portal.account.accounts.boundary.Accounts;
import com.videoapi.portal.account.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The people who sign in to accounts: sign-up, and look-up by the e-mail address they sign in with.
 */
@Stateless
public class Users {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.account");

    @PersistenceContext(unitName = "accounts")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Accounts accounts;

    /**
     * Signs a person up: a new account named {@code name}, whose first user signs in with
     * {@code address}.
     *
     * @param passwordHash already hashed by the caller; this module never sees a password
     * @throws EmailAlreadyRegisteredException when a user already signs in with that address
     */
    public UserProfile signUp(AccountName name, EmailAddress address, String passwordHash) {
        if (isRegistered(address)) {
            throw new EmailAlreadyRegisteredException();
        }
        Instant now = clock.instant();
        UUID accountId = accounts.open(name);
        User user = new User(accountId, address, address.localPart(), passwordHash, now);
        try {
            em.persist(user);
            // Flush here so that a concurrent sign-up with the same address, which passed the
            // check above too, fails on the unique constraint now and gets the same answer.
            em.flush();
        } catch (PersistenceException raced) {
            if (isRegisteredElsewhere(address)) {
                throw new EmailAlreadyRegisteredException();
            }
            throw raced;
        }
        LOG.info(() -> "Account " + accountId + " opened with user " + user.getId());
        return new UserProfile(user.getId(), user.getEmail(), user.getDisplayName(), accountId, name.value());
    }

    private boolean isRegistered(EmailAddress address) {
        return !em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", address.value())
                .getResultList().isEmpty();
    }

    /** After a failed flush this persistence context is unusable; ask in a fresh one. */
    private boolean isRegisteredElsewhere(EmailAddress address) {
        try (EntityManager fresh = em.getEntityManagerFactory().createEntityManager()) {
            return fresh.createQuery("select count(u) from User u where u.email = :email", Long.class)
                    .setParameter("email", address.value())
                    .getSingleResult() > 0;
        }
    }

    /**
     * Replaces a user's password hash.
     *
     * @param passwordHash already hashed by the caller; this module never sees a password
     */
    public void changePasswordHash(UUID userId, String passwordHash) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new IllegalArgumentException("No user " + userId);
        }
        user.setPasswordHash(passwordHash, clock.instant());
    }

    /**
     * Replaces the user's password hash, but only if it is still {@code replaced}: under the user's row
     * lock, so that a password changed meanwhile by another request is never overwritten.
     *
     * @return whether it was replaced
     */
    public boolean replacePasswordHash(UUID userId, String replaced, String replacement) {
        User user = em.find(User.class, userId);
        if (user == null) {
            return false;
        }
        // Refresh under the lock: the instance may have been read before another request committed.
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (!user.getPasswordHash().equals(replaced)) {
            return false;
        }
        user.setPasswordHash(replacement, clock.instant());
        return true;
    }

    /** Empty for an unknown or malformed address: a caller cannot tell the two apart. */
    public Optional<UserProfile> findByEmail(String email) {
        return find(email).map(this::profileOf);
    }

    /** The profile of the user with that id; empty when there is none (e.g. a notice about a user deleted since). */
    public Optional<UserProfile> findById(UUID userId) {
        return Optional.ofNullable(em.find(User.class, userId)).map(this::profileOf);
    }

    /** The stored password hash of the user with that address, for checking a password. */
    public Optional<StoredCredential> credentialOf(String email) {
        return find(email).map(u -> new StoredCredential(u.getId(), u.getEmail(), u.getPasswordHash()));
    }

    /**
     * The id of the user with that address, without reading the password hash: a sign-in reads what
     * must come before the password check (its session epoch) by this id.
     */
    public Optional<UUID> idOf(String email) {
        EmailAddress address;
        try {
            address = EmailAddress.of(email);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        // A projection, so the user is not loaded here: credentialOf reads the hash afresh after.
        return em.createQuery("select u.id from User u where u.email = :email", UUID.class)
                .setParameter("email", address.value())
                .getResultStream()
                .findFirst();
    }

    private Optional<User> find(String email) {
        EmailAddress address;
        try {
            address = EmailAddress.of(email);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", address.value())
                .getResultStream()
                .findFirst();
    }

    private UserProfile profileOf(User user) {
        return new UserProfile(user.getId(), user.getEmail(), user.getDisplayName(),
                user.getAccountId(), accounts.nameOf(user.getAccountId()).orElse(""));
    }

    /**
     * Whether the user proved to own the e-mail address they sign in with. False for everyone today:
     * nothing verifies an address yet. The e-mail capability (issue 10) will set
     * {@code users.email_verified_at}; until then callers get the fact, false, not a guess.
     */
    public boolean hasVerifiedEmail(UUID userId) {
        User user = em.find(User.class, userId);
        return user != null && user.hasVerifiedEmail();
    }
}
