package com.videoapi.portal.security.guards.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.control.GuardRows;
import com.videoapi.portal.security.guards.control.LockPolicy;
import com.videoapi.portal.security.guards.entity.AccountGuard;
import com.videoapi.portal.security.guards.entity.PasswordSource;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.UUID;

/**
 * Limits on guessing, which hold across sessions and nodes because they live in the database: after
 * {@code signin.lock.threshold} (10) consecutive failures the step is locked for
 * {@code signin.lock.duration} (15 minutes), doubling at each further lock up to
 * {@code signin.lock.longest} (1 day). During a lock even the right password or code is refused.
 * Every count happens under the user's database row lock, so concurrent attempts are all counted.
 *
 * <p>Passwords lock by account <em>and source</em> (a client address, an IPv6 address by its /64):
 * failures from one source back that source off, never the owner signing in from elsewhere, so a
 * stranger cannot lock a person out (OWASP: lockout as denial of service). The code step, which
 * only someone with the password reaches, locks per user.
 *
 * <p>Also the user's session epoch: bumping it ends every other session of the user.
 */
@Stateless
public class Guards {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    GuardRows rows;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "signin.lock.threshold")
    int threshold;

    @Inject
    @ConfigProperty(name = "signin.lock.duration")
    Duration firstLock;

    @Inject
    @ConfigProperty(name = "signin.lock.longest")
    Duration longestLock;

    private LockPolicy policy;

    @PostConstruct
    void readPolicy() {
        policy = new LockPolicy(threshold, firstLock, longestLock);
    }

    /** Whether the code step is locked for the user; for passwords see {@link #admitPasswordCheck}. */
    public boolean isLocked(UUID userId, Step step) {
        if (step == Step.PASSWORD) {
            return lockedUntil(userId, step).isPresent();
        }
        AccountGuard guard = em.find(AccountGuard.class, userId);
        return guard != null && guard.isLocked(step, clock.instant());
    }

    /** The end of the step's lock, if it is locked now; for passwords the latest lock of any source. */
    public Optional<Instant> lockedUntil(UUID userId, Step step) {
        Instant now = clock.instant();
        if (step == Step.PASSWORD) {
            // A stream left open, unlike the other queries (lists). With this query and sessionEpoch's read
            // as lists, trusted-device sign-ins on Payara's embedded H2 timed out on the device's row lock
            // (TrustedDeviceLimitsIT, every run): the open stream keeps something of Payara's connection
            // handling as it must be. Not understood yet; see the team note of 2026-11-30.
            return em.createNamedQuery(PasswordSource.LOCKED_OF_USER, PasswordSource.class)
                    .setParameter("userId", userId).setParameter("now", now).setMaxResults(1)
                    .getResultStream().findFirst().map(PasswordSource::lockedUntil);
        }
        AccountGuard guard = em.find(AccountGuard.class, userId);
        return guard != null && guard.isLocked(step, now) ? Optional.of(guard.lockedUntil(step)) : Optional.empty();
    }

    /**
     * Whether a password of the user may be checked for a request from {@code source}: the lock
     * check and the attempt's count in one short transaction of its own, under the user's row lock,
     * before the hash runs. The attempt counts as a failure until {@link #passwordRight} says
     * otherwise, so however many requests race, at most the threshold of them get a hash: the one
     * that reaches it locks the source at once. Committed before the caller hashes, so no lock is
     * held while it does; call it before the caller's transaction takes the user's guard row.
     *
     * @return false when the source is locked for this user: refuse, even the right password
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean admitPasswordCheck(UUID userId, String source) {
        return countPasswordCheck(userId, source);
    }

    /**
     * {@link #admitPasswordCheck} in the caller's transaction, which holds the user's row lock from
     * here to its commit: the caller commits it before the hash runs (the sign-in's first
     * transaction, which reads the stored hash under the same lock).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean countPasswordCheck(UUID userId, String source) {
        lockedRow(userId);
        Instant now = clock.instant();
        PasswordSource attempts = em.find(PasswordSource.class, new PasswordSource.Key(userId, source));
        if (attempts == null) {
            attempts = new PasswordSource(userId, source, now);
            em.persist(attempts);
        }
        if (attempts.isLocked(now)) {
            return false;
        }
        if (policy.locksAt(attempts.countAttempt(now))) {
            Duration lock = policy.lockAfter(attempts.locksSoFar());
            attempts.lock(now, lock);
            events.fire(Kind.LOCKED, userId, null, "password step locked for " + source + " for " + lock.toMinutes() + " min");
        }
        return true;
    }

    /** The admitted password was right: the source's count, earlier locks, and the lock it engaged are forgotten. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void passwordRight(UUID userId, String source) {
        forgetPasswordFailures(userId, source);
    }

    /** {@link #passwordRight} in the caller's transaction (the sign-in's second), under the user's row lock. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forgetPasswordFailures(UUID userId, String source) {
        lockedRow(userId);
        PasswordSource attempts = em.find(PasswordSource.class, new PasswordSource.Key(userId, source));
        if (attempts != null) {
            attempts.succeeded(clock.instant());
        }
    }

    /** Counts a failure of the code step; the one that reaches the threshold locks it. */
    public void failed(UUID userId, Step step) {
        AccountGuard guard = lockedRow(userId);
        int inARow = guard.countFailure(step);
        if (policy.locksAt(inARow)) {
            Duration lock = policy.lockAfter(guard.locksSoFar(step));
            guard.lock(step, clock.instant(), lock);
            events.fire(Kind.LOCKED, userId, null, step + " step locked for " + lock.toMinutes() + " min");
        }
    }

    public void succeeded(UUID userId, Step step) {
        AccountGuard guard = em.find(AccountGuard.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (guard != null && guard.failures(step) + guard.locksSoFar(step) > 0) {
            guard.succeeded(step);
        }
    }

    public void unlock(UUID userId, String by) {
        AccountGuard guard = em.find(AccountGuard.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (guard != null) {
            guard.unlock();
            // Every source's password lock too: the guard row exists whenever a source was counted.
            em.createNamedQuery(PasswordSource.UNLOCK_USER).setParameter("userId", userId).executeUpdate();
            events.fire(Kind.UNLOCKED, userId, null, by);
        }
    }

    /**
     * Takes the user's guard row for the rest of the transaction: everything else that changes this
     * user's codes or counters waits. Call it first, before locking anything else of the user, so
     * that locks are always taken in the same order.
     */
    public void exclusive(UUID userId) {
        lockedRow(userId);
    }

    /**
     * Forgets the password attempts of sources last seen before {@code cutoff} and not locked at
     * {@code now} ({@code signin.password-source.retention}): client addresses kept no longer than
     * needed. One batch of users per call and transaction, each under the user's guard row lock (taken
     * in id order, as two purging nodes may meet), so no sign-in counts on a row that goes.
     */
    public int forgetPasswordSourcesSeenBefore(Instant cutoff, Instant now, int batch) {
        List<UUID> users = em.createQuery("select distinct s.userId from PasswordSource s where s.lastSeenAt < :cutoff"
                        + " and (s.lockedUntil is null or s.lockedUntil <= :now) order by s.userId", UUID.class)
                .setParameter("cutoff", cutoff).setParameter("now", now).setMaxResults(batch).getResultList();
        if (users.isEmpty()) {
            return 0;
        }
        users.forEach(this::lockedRow);
        return em.createQuery("delete from PasswordSource s where s.userId in :users and s.lastSeenAt < :cutoff"
                        + " and (s.lockedUntil is null or s.lockedUntil <= :now)")
                .setParameter("users", users).setParameter("cutoff", cutoff).setParameter("now", now).executeUpdate();
    }

    /**
     * The user's session epoch as committed now (a query, not the copy this transaction may have
     * read earlier): a sign-in reads it before the password is checked and compares it at the end.
     */
    public long sessionEpoch(UUID userId) {
        // A stream, as in lockedUntil: a list broke trusted-device sign-ins on Payara.
        return em.createQuery("select g.sessionEpoch from AccountGuard g where g.userId = :userId", Long.class)
                .setParameter("userId", userId)
                .getResultStream().findFirst().orElse(0L);
    }

    /**
     * Ends every session of the user signed in before now.
     *
     * @return the new epoch, for the one session that should stay
     */
    public long endSessions(UUID userId) {
        return lockedRow(userId).nextSessionEpoch();
    }

    /** Serialises every change to one user's guard ({@code select ... for update}). */
    private AccountGuard lockedRow(UUID userId) {
        AccountGuard guard = em.find(AccountGuard.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            try {
                rows.create(userId);
            } catch (EJBException raced) {
                // Another request created it first: the row exists now either way.
            }
            guard = em.find(AccountGuard.class, userId, LockModeType.PESSIMISTIC_WRITE);
        }
        return guard;
    }
}
