package com.videoapi.portal.security.guards.control;

import com.videoapi.portal.security.guards.entity.AccountGuard;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * Creates a user's guard row on first need, in a transaction of its own: when two requests race to
 * create it, one insert fails on the primary key and is rolled back alone, and both go on to lock the
 * row that won.
 */
@Stateless
public class GuardRows {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(UUID userId) {
        if (em.find(AccountGuard.class, userId) == null) {
            em.persist(new AccountGuard(userId));
            // Written in this transaction, not left to Hibernate's flush at commit (see SendCounters.open).
            em.flush();
        }
    }
}
