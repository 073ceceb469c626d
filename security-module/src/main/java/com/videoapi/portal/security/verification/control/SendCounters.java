package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.security.verification.entity.SendCount;
import com.videoapi.portal.security.verification.entity.SendScope;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The database side of {@link SendBudgets}: locks a plan's scopes, sums their buckets and counts the
 * code, in a short transaction of its own, so that no counter is locked while the channel is called
 * and a code counted stays counted whatever happens next (a send that timed out is counted as sent).
 *
 * <p>Scopes are locked in sorted order ({@code select ... for update} on their {@link SendScope}
 * rows), so two admissions never wait for each other in a circle. After the lock, each statement
 * sees what the admissions before it committed (PostgreSQL READ COMMITTED takes a snapshot per
 * statement): two requests racing for the last slot get one code between them.
 */
@Stateless
public class SendCounters {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    /** What {@link #take} found: the admission, or the scopes that have no anchor yet (nothing was counted). */
    public record Taken(Admission admission, List<String> missingScopes) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Taken take(List<Budget> plan, Instant now) {
        List<String> missing = new ArrayList<>();
        for (String scope : plan.stream().map(Budget::scope).distinct().sorted().toList()) {
            if (em.find(SendScope.class, scope, LockModeType.PESSIMISTIC_WRITE) == null) {
                missing.add(scope);
            }
        }
        if (!missing.isEmpty()) {
            return new Taken(null, missing);
        }
        Admission admission = SendBudgets.decide(plan, new Counts(), now);
        // Written before this transaction commits, on every server (see open).
        em.flush();
        return new Taken(admission, List.of());
    }

    /**
     * Creates a scope's anchor, in a transaction of its own: when two requests race to create it, one
     * insert fails on the primary key and is rolled back alone (on PostgreSQL a unique violation
     * spoils the transaction it happens in), and both go on to lock the row that won.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(String scope) {
        if (em.find(SendScope.class, scope) == null) {
            em.persist(new SendScope(scope));
            // Now, in this transaction: on Payara with Hibernate, a persist of a REQUIRES_NEW method
            // was not written at its commit, and the admission that follows found no anchor.
            em.flush();
        }
    }

    /**
     * Forgets an idle scope: under its anchor's lock, as an admission counts, so that a purge never
     * races an admission of the scope (and locks one anchor at a time: no wait in a circle). Buckets
     * before {@code cutoff} go; the anchor goes unless a newer bucket appeared meanwhile.
     *
     * @return whether the anchor went
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean forget(String scope, Instant cutoff) {
        SendScope anchor = em.find(SendScope.class, scope, LockModeType.PESSIMISTIC_WRITE);
        if (anchor == null) {
            return false; // another node forgot it first
        }
        em.createNamedQuery(SendCount.FORGET_BEFORE)
                .setParameter("scope", scope)
                .setParameter("since", cutoff)
                .executeUpdate();
        long left = em.createQuery("select count(c) from SendCount c where c.scope = :scope", Long.class)
                .setParameter("scope", scope).getSingleResult();
        if (left > 0) {
            return false;
        }
        em.remove(anchor);
        return true;
    }

    /** The bucket rows, changed only under the scope's lock: an insert here never races. */
    private final class Counts implements Tally {

        @Override
        public long sum(Budget budget, Instant now) {
            return em.createNamedQuery(SendCount.SUM_SINCE, Number.class)
                    .setParameter("scope", budget.scope())
                    .setParameter("since", budget.since(now))
                    .setParameter("until", budget.bucketOf(now))
                    .getSingleResult().longValue();
        }

        @Override
        public void add(Budget budget, Instant now) {
            Instant bucket = budget.bucketOf(now);
            int updated = em.createNamedQuery(SendCount.ADD_ONE)
                    .setParameter("scope", budget.scope())
                    .setParameter("bucket", bucket)
                    .executeUpdate();
            if (updated == 0) {
                em.persist(new SendCount(budget.scope(), bucket));
                // A new bucket: the scope's buckets that no window sums any more go, so the table
                // holds at most a day of buckets per scope.
                em.createNamedQuery(SendCount.FORGET_BEFORE)
                        .setParameter("scope", budget.scope())
                        .setParameter("since", budget.since(now))
                        .executeUpdate();
            }
        }
    }
}
