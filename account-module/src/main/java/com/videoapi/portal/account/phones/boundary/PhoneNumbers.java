package com.videoapi.portal.account.phones.boundary;

import com.videoapi.portal.account.phones.entity.VerifiedPhone;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The mobile number that each user proved to own. Whoever records one must have checked a code
 * sent to it first; this module only keeps it.
 */
@Stateless
public class PhoneNumbers {

    @PersistenceContext(unitName = "accounts")
    EntityManager em;

    @Inject
    Clock clock;

    public Optional<PhoneNumber> verifiedNumberOf(UUID userId) {
        return Optional.ofNullable(em.find(VerifiedPhone.class, userId)).map(v -> PhoneNumber.ofE164(v.getE164()));
    }

    /** Records {@code number} as the user's, replacing any earlier one. */
    public void recordVerified(UUID userId, PhoneNumber number) {
        VerifiedPhone stored = em.find(VerifiedPhone.class, userId);
        if (stored == null) {
            em.persist(new VerifiedPhone(userId, number.e164(), clock.instant()));
        } else {
            stored.replaceWith(number.e164(), clock.instant());
        }
    }

    public void forget(UUID userId) {
        VerifiedPhone stored = em.find(VerifiedPhone.class, userId);
        if (stored != null) {
            em.remove(stored);
        }
    }
}
