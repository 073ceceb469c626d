package com.videoapi.portal.security.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Forgets audit events older than a cutoff ({@code audit.retention}), one batch per call and transaction. */
@Stateless
public class AuditRetention {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    public int forgetBefore(Instant cutoff, int batch) {
        List<UUID> ids = em.createQuery("select e.id from AuditEvent e where e.occurredAt < :cutoff", UUID.class)
                .setParameter("cutoff", cutoff).setMaxResults(batch).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("delete from AuditEvent e where e.id in :ids and e.occurredAt < :cutoff")
                .setParameter("ids", ids).setParameter("cutoff", cutoff).executeUpdate();
    }
}
