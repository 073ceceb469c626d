package com.videoapi.portal.security.guards.control;

import com.videoapi.portal.security.guards.entity.ThrottleCount;
import com.videoapi.portal.security.guards.entity.ThrottleScope;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The database side of {@link SharedWindows}: each check in a short transaction of its own, so a
 * request counted stays counted whatever its own transaction does next, and no scope stays locked
 * while a password is hashed. The scope's anchor is locked first ({@code select ... for update});
 * after it, each statement sees what the checks before it committed (PostgreSQL READ COMMITTED), on
 * whichever node they ran.
 */
@Stateless
public class ThrottleCounters {

    /** A check that finds no anchor for its scope has counted nothing: the caller opens it and checks again. */
    public record Checked(boolean anchored, Optional<Duration> refusedFor) {

        static final Checked NO_ANCHOR = new Checked(false, Optional.empty());
    }

    @PersistenceContext(unitName = "security")
    EntityManager em;

    /**
     * Counts a request of {@code scope} at {@code now}, unless the scope has had {@code cap} in the window.
     *
     * @return refused: how long until the oldest bucket summed frees up
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Checked check(String scope, CountingWindow window, int cap, Instant now) {
        if (em.find(ThrottleScope.class, scope, LockModeType.PESSIMISTIC_WRITE) == null) {
            return Checked.NO_ANCHOR;
        }
        Object[] summed = em.createNamedQuery(ThrottleCount.IN_WINDOW, Object[].class)
                .setParameter("scope", scope)
                .setParameter("since", window.since(now))
                .setParameter("until", window.bucketOf(now))
                .getSingleResult();
        long sum = ((Number) summed[0]).longValue();
        if (sum >= cap) {
            Instant oldest = summed[1] == null ? window.bucketOf(now) : (Instant) summed[1];
            return new Checked(true, Optional.of(window.until(oldest, now)));
        }
        Instant bucket = window.bucketOf(now);
        int counted = em.createNamedQuery(ThrottleCount.COUNT_ONE)
                .setParameter("scope", scope)
                .setParameter("bucket", bucket)
                .executeUpdate();
        if (counted == 0) {
            em.persist(new ThrottleCount(scope, bucket));
            // A new bucket: the ones no window sums any more go, so a scope keeps at most 61 rows.
            em.createNamedQuery(ThrottleCount.DROP_BEFORE)
                    .setParameter("scope", scope)
                    .setParameter("since", window.since(now))
                    .executeUpdate();
        }
        em.flush();
        return new Checked(true, Optional.empty());
    }

    /**
     * Creates a scope's anchor in a transaction of its own: of two requests racing to create it, one
     * fails on the primary key and is rolled back alone, and both then lock the one that won.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(String scope) {
        if (em.find(ThrottleScope.class, scope) == null) {
            em.persist(new ThrottleScope(scope));
            // Written now: on Payara a persist of a REQUIRES_NEW method was not written at its commit.
            em.flush();
        }
    }

    /**
     * Forgets up to {@code batch} scopes with no bucket since {@code cutoff}: their buckets, then their
     * anchors. A scope that is checked again meanwhile keeps its anchor (its new bucket is newer), and
     * one forgotten is opened again at its next check.
     *
     * @return the scopes forgotten
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetIdle(Instant cutoff, int batch) {
        List<String> idle = em.createQuery("select s.scope from ThrottleScope s where not exists"
                        + " (select c from ThrottleCount c where c.scope = s.scope and c.bucketStart >= :cutoff)",
                        String.class)
                .setParameter("cutoff", cutoff).setMaxResults(batch).getResultList();
        if (idle.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from ThrottleCount c where c.scope in :idle and c.bucketStart < :cutoff")
                .setParameter("idle", idle).setParameter("cutoff", cutoff).executeUpdate();
        return em.createQuery("delete from ThrottleScope s where s.scope in :idle and not exists"
                        + " (select c from ThrottleCount c where c.scope = s.scope)")
                .setParameter("idle", idle).executeUpdate();
    }
}
