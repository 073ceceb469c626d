package com.videoapi.portal.security.audit.boundary;

import com.videoapi.portal.security.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A user's own security history, as Security Settings shows it. */
@Stateless
public class AuditLog {

    /** One line of history as shown to its user. */
    public record Entry(Instant at, SecurityEvent.Kind kind, String maskedNumber, String ip, String userAgent,
                        String detail) implements Serializable {
    }

    @PersistenceContext(unitName = "security")
    EntityManager em;

    /**
     * When a texted code last signed the user in (a code step that succeeded with a number; the
     * other factors' succeed without one), as far back as the audit trail is kept; empty if never.
     */
    public Optional<Instant> lastTextedCodeSignIn(UUID userId) {
        return Optional.ofNullable(em.createQuery("select max(e.occurredAt) from AuditEvent e where e.userId = :userId"
                        + " and e.kind = :kind and e.maskedNumber is not null", Instant.class)
                .setParameter("userId", userId).setParameter("kind", SecurityEvent.Kind.SIGN_IN_CODE_SUCCEEDED)
                .getSingleResult());
    }

    public List<Entry> latestOf(UUID userId, int count) {
        return em.createNamedQuery(AuditEvent.LATEST_OF_USER, AuditEvent.class)
                .setParameter("userId", userId)
                .setMaxResults(count)
                // A list, not Hibernate's open stream: with a stream left open in SecuritySettings' one transaction,
                // Payara lost the audit rows of the next sign-in (PasskeyAttacksIT); with a list it did not.
                .getResultList().stream()
                .map(e -> new Entry(e.getOccurredAt(), e.getKind(), e.getMaskedNumber(), e.getIp(), e.getUserAgent(),
                        e.getDetail()))
                .toList();
    }
}
