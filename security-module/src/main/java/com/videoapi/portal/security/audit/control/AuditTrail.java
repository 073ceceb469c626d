package com.videoapi.portal.security.audit.control;

import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import com.videoapi.portal.security.audit.boundary.WithChange;
import com.videoapi.portal.security.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.logging.Logger;

/**
 * Writes every {@link SecurityEvent} to the audit table and to the log category
 * {@value #CATEGORY}. In a transaction of its own: a refused attempt, whose work is rolled back, is
 * still on record. A successful step's event ({@link WithChange}) is written in the step's own
 * transaction instead, and commits with it.
 */
@Stateless
public class AuditTrail {

    public static final String CATEGORY = "com.videoapi.portal.security.events";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(@Observes @Default SecurityEvent event) {
        write(event);
    }

    /** In the caller's transaction (one of its own when there is none): on record when the change commits. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void recordWithChange(@Observes @WithChange SecurityEvent event) {
        write(event);
    }

    private void write(SecurityEvent event) {
        em.persist(new AuditEvent(event));
        LOG.info(() -> event.kind() + " user=" + event.userId()
                + (event.maskedNumber() == null ? "" : " number=" + event.maskedNumber())
                + " ip=" + event.ip()
                + (event.detail() == null ? "" : " (" + event.detail() + ")"));
    }
}
