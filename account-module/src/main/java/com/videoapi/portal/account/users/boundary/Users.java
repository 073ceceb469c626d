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
import java.util.Locale;
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
        return signUp(name, address, passwordHash, null);
    }

    /**
     * Signs a person up, as {@link #signUp(AccountName, EmailAddress, String)}, remembering the language
     * they signed up in for the mails they get.
     *
     * @param language the browser's preferred language, or null when unknown
     * @throws EmailAlreadyRegisteredException when a user already signs in with that address
     */
    public UserProfile signUp(AccountName name, EmailAddress address, String passwordHash, Locale language) {
        if (isRegistered(address)) {
            throw new EmailAlreadyRegisteredException();
        }
        Instant now = clock.instant();
        UUID accountId = accounts.open(name);
        User user = new User(accountId, address, address.localPart(), passwordHash, now);
        if (language != null && !language.toLanguageTag().equals("und")) {
            String tag = language.toLanguageTag();
            user.setLanguage(tag.length() <= 35 ? tag : language.getLanguage());
        }
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
                .getResultList().stream()
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
                .getResultList().stream()
                .findFirst();
    }

    private UserProfile profileOf(User user) {
        return new UserProfile(user.getId(), user.getEmail(), user.getDisplayName(),
                user.getAccountId(), accounts.nameOf(user.getAccountId()).orElse(""));
    }

    /**
     * Whether the user proved to own the e-mail address they sign in with: they followed a link the
     * portal mailed to it (security-module's address verification sets {@code users.email_verified_at}).
     */
    public boolean hasVerifiedEmail(UUID userId) {
        User user = em.find(User.class, userId);
        return user != null && user.hasVerifiedEmail();
    }

    /** The user with that id, or empty when there is none (any more). */
    public Optional<UserProfile> find(UUID userId) {
        return Optional.ofNullable(em.find(User.class, userId)).map(this::profileOf);
    }

    /** The language the person signed up in, for their mails; empty when unknown. */
    public Optional<Locale> languageOf(UUID userId) {
        return Optional.ofNullable(em.find(User.class, userId))
                .map(User::getLanguage)
                .map(Locale::forLanguageTag);
    }

    /**
     * Marks the user's address verified, if {@code address} is still the one they sign in with (a link
     * to an address they have since changed proves nothing about the new one).
     *
     * @return whether the address is the user's and verified now (or was already)
     */
    public boolean markEmailVerified(UUID userId, String address) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !user.getEmail().equals(address)) {
            return false;
        }
        user.emailVerified(clock.instant());
        return true;
    }

    /**
     * Changes the address the user signs in with to {@code address}, verified (the caller proved it
     * with a link sent to it), if the user still signs in with {@code from}.
     *
     * @return whether it changed; false when the user is gone or changed the address meanwhile
     * @throws EmailAlreadyRegisteredException when another user signs in with {@code address} now
     */
    public boolean changeEmail(UUID userId, String from, EmailAddress address) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !user.getEmail().equals(from)) {
            return false;
        }
        if (isRegistered(address)) {
            throw new EmailAlreadyRegisteredException();
        }
        user.changeEmail(address, clock.instant());
        try {
            // The unique constraint decides a race with a sign-up taking the address just now.
            em.flush();
        } catch (PersistenceException raced) {
            throw new EmailAlreadyRegisteredException();
        }
        LOG.info(() -> "User " + userId + " changed the address they sign in with");
        return true;
    }

    /** Whether someone signs in with that address now. */
    public boolean isTaken(EmailAddress address) {
        return isRegistered(address);
    }
}
