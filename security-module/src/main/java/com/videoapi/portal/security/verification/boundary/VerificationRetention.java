package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.security.verification.control.SendBudgets;
import com.videoapi.portal.security.verification.control.SendCounters;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forgets what the codes left behind once it has no use, one batch per call and transaction, so that
 * no purge holds locks on these hot tables for long. Each delete names its rows and checks their age
 * again: two nodes that purge at once delete each row once, and the slower one finds nothing.
 */
@Stateless
public class VerificationRetention {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    SendCounters counters;

    /** Verifications started before {@code cutoff} and never finished: Verify gave up on them long ago. */
    public int forgetVerificationsStartedBefore(Instant cutoff, int batch) {
        List<UUID> ids = em.createQuery("select v.id from PendingVerification v where v.createdAt < :cutoff", UUID.class)
                .setParameter("cutoff", cutoff).setMaxResults(batch).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from PendingVerification v where v.id in :ids and v.createdAt < :cutoff")
                .setParameter("ids", ids).setParameter("cutoff", cutoff).executeUpdate();
    }

    /** The send log before {@code cutoff}: the resend cooldown reads only the last send. */
    public int forgetCodeSendsBefore(Instant cutoff, int batch) {
        List<UUID> ids = em.createQuery("select s.id from CodeSend s where s.sentAt < :cutoff", UUID.class)
                .setParameter("cutoff", cutoff).setMaxResults(batch).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from CodeSend s where s.id in :ids and s.sentAt < :cutoff")
                .setParameter("ids", ids).setParameter("cutoff", cutoff).executeUpdate();
    }

    /** The development channel's codes that expired before {@code cutoff}. */
    public int forgetDevelopmentCodesExpiredBefore(Instant cutoff, int batch) {
        List<UUID> ids = em.createQuery("select c.requestId from DevelopmentCode c where c.expiresAt < :cutoff", UUID.class)
                .setParameter("cutoff", cutoff).setMaxResults(batch).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from DevelopmentCode c where c.requestId in :ids and c.expiresAt < :cutoff")
                .setParameter("ids", ids).setParameter("cutoff", cutoff).executeUpdate();
    }

    /**
     * Send-budget scopes that no window sums any more (no bucket within the longest window and its
     * bucket, {@link SendBudgets#LONGEST_LOOKBACK}, before {@code now}): their buckets and anchor go,
     * each scope under its anchor's lock like an admission ({@link SendCounters#forget}). The portal's
     * two ceilings stay. A scope that is needed again is opened again.
     *
     * @return the scopes forgotten
     */
    public int forgetIdleSendScopes(Instant now, int batch) {
        Instant cutoff = now.minus(SendBudgets.LONGEST_LOOKBACK);
        List<String> idle = em.createQuery("select s.scope from SendScope s where s.scope not in :ceilings"
                        + " and not exists (select c from SendCount c where c.scope = s.scope and c.bucketStart >= :cutoff)",
                        String.class)
                .setParameter("ceilings", SendBudgets.CEILING_SCOPES)
                .setParameter("cutoff", cutoff).setMaxResults(batch).getResultList();
        int forgotten = 0;
        for (String scope : idle) {
            if (counters.forget(scope, cutoff)) {
                forgotten++;
            }
        }
        return forgotten;
    }
}
