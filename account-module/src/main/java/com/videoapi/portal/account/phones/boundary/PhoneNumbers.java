package com.videoapi.portal.account.phones.boundary;

import com.videoapi.portal.account.users.entity.User;
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
        User user = em.find(User.class, userId);
        return user == null || user.getVerifiedPhone() == null
                ? Optional.empty()
                : Optional.of(PhoneNumber.ofE164(user.getVerifiedPhone()));
    }

    /** @throws IllegalArgumentException when there is no such user */
    public void recordVerified(UUID userId, PhoneNumber number) {
        userForUpdate(userId).setVerifiedPhone(number.e164(), clock.instant());
    }

    public void forget(UUID userId) {
        User user = em.find(User.class, userId);
        if (user != null && user.getVerifiedPhone() != null) {
            user.setVerifiedPhone(null, clock.instant());
        }
    }

    private User userForUpdate(UUID userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new IllegalArgumentException("No user " + userId);
        }
        return user;
    }
}
