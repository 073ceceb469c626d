package com.videoapi.portal.security.trusteddevices.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forgets trusted devices that ended (expired or revoked) before a cutoff, one batch per call and
 * transaction. Their token hashes serve nothing after that: a cookie of a forgotten device is an
 * unknown one, which asks for the code. The audit trail keeps that the device was trusted and revoked.
 */
@Stateless
public class TrustedDeviceRetention {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    public int forgetEndedBefore(Instant cutoff, int batch) {
        List<UUID> ids = em.createQuery("select d.id from TrustedDevice d where d.expiresAt < :cutoff or d.revokedAt < :cutoff",
                        UUID.class)
                .setParameter("cutoff", cutoff).setMaxResults(batch).getResultList();
        // The age checked again: a device whose trust was renewed meanwhile stays.
        return ids.isEmpty() ? 0 : em.createQuery("delete from TrustedDevice d where d.id in :ids"
                        + " and (d.expiresAt < :cutoff or d.revokedAt < :cutoff)")
                .setParameter("ids", ids).setParameter("cutoff", cutoff).executeUpdate();
    }
}
