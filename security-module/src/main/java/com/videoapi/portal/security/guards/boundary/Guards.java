package com.videoapi.portal.security.guards.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.control.GuardRows;
import com.videoapi.portal.security.guards.control.LockPolicy;
import com.videoapi.portal.security.guards.entity.AccountGuard;
import com.videoapi.portal.security.guards.boundary.Step;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-user limits on guessing, which hold across sessions, IP addresses and nodes because they live
 * in the database: after {@code signin.lock.threshold} (10) consecutive failures of a step, the step
 * is locked for {@code signin.lock.duration} (15 minutes), doubling at each further lock up to
 * {@code signin.lock.longest} (1 day). During a lock even the right password or code is refused.
 * Every count happens under a database row lock, so concurrent attempts are all counted.
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

    public boolean isLocked(UUID userId, Step step) {
        AccountGuard guard = em.find(AccountGuard.class, userId);
        return guard != null && guard.isLocked(step, clock.instant());
    }

    /** The end of the step's lock, if it is locked now. */
    public Optional<Instant> lockedUntil(UUID userId, Step step) {
        AccountGuard guard = em.find(AccountGuard.class, userId);
        Instant now = clock.instant();
        return guard != null && guard.isLocked(step, now) ? Optional.of(guard.lockedUntil(step)) : Optional.empty();
    }

    /** Counts a failure of the step; the one that reaches the threshold locks it. */
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
     * The user's session epoch as committed now (a query, not the copy this transaction may have
     * read earlier): a sign-in reads it before the password is checked and compares it at the end.
     */
    public long sessionEpoch(UUID userId) {
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
