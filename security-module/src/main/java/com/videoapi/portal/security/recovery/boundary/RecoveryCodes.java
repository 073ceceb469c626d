package com.videoapi.portal.security.recovery.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.boundary.Step;
import com.videoapi.portal.security.recovery.control.RecoveryCodeFormat;
import com.videoapi.portal.security.recovery.entity.RecoveryCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Recovery codes: the way back in when the phone is lost and no device is trusted.
 *
 * <ul>
 *   <li>{@link #issue} makes {@value #CODES_PER_SET} new codes ({@link RecoveryCodeFormat}), shown to the person once;
 *       only their SHA-256 is kept, and any earlier set stops working at once.</li>
 *   <li>{@link #redeem} spends one at the sign-in's code step. It counts towards the same lock as a
 *       wrong SMS or app code ({@link Guards}, {@link Step#CODE}), and a code is spent by one
 *       conditional update: of two requests racing with one code, one wins.</li>
 * </ul>
 * The typed code is looked up by its hash, not compared in Java: nothing of the stored hashes leaks
 * through timing that would help to guess a 60-bit code.
 */
@Stateless
public class RecoveryCodes {

    public static final int CODES_PER_SET = 10;

    /** At this many codes left or fewer, the person is told to make new ones. */
    public static final int FEW_LEFT = 3;

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    Guards guards;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    /** A new set of codes, replacing every earlier one; the only time the codes themselves exist. */
    public List<String> issue(UUID userId) {
        guards.exclusive(userId);
        em.createNamedQuery(RecoveryCode.REMOVE_OF_USER).setParameter("userId", userId).executeUpdate();
        Instant now = clock.instant();
        List<String> codes = new ArrayList<>(CODES_PER_SET);
        while (codes.size() < CODES_PER_SET) {
            String code = RecoveryCodeFormat.newCode();
            if (!codes.contains(code)) {
                codes.add(code);
                em.persist(new RecoveryCode(userId, RecoveryCodeFormat.hashOf(RecoveryCodeFormat.normalised(code).orElseThrow()), now));
            }
        }
        events.fire(Kind.RECOVERY_CODES_GENERATED, userId, null, CODES_PER_SET + " codes");
        return List.copyOf(codes);
    }

    /**
     * Spends the typed code of this user, if it is one of theirs and unused; call it within the
     * transaction that signs in, after {@link Guards#exclusive}. While the code step is locked every
     * code is refused, the right one too.
     *
     * @return the codes left after this one, or empty when refused (counted as a wrong code)
     */
    public Optional<Integer> redeem(UUID userId, String typed) {
        guards.exclusive(userId);
        if (guards.isLocked(userId, Step.CODE)) {
            events.fire(Kind.CODE_FAILED, userId, null, "recovery code refused: code step locked");
            return Optional.empty();
        }
        Optional<String> code = RecoveryCodeFormat.normalised(typed);
        int spent = code.isEmpty() ? 0 : em.createNamedQuery(RecoveryCode.SPEND)
                .setParameter("now", clock.instant())
                .setParameter("userId", userId)
                .setParameter("hash", RecoveryCodeFormat.hashOf(code.get()))
                .executeUpdate();
        if (spent != 1) {
            guards.failed(userId, Step.CODE);
            events.fire(Kind.CODE_FAILED, userId, null, code.isEmpty() ? "malformed recovery code" : "wrong or used recovery code");
            return Optional.empty();
        }
        guards.succeeded(userId, Step.CODE);
        int left = summaryOf(userId).left();
        events.fire(Kind.RECOVERY_CODE_USED, userId, null, left + " left");
        return Optional.of(left);
    }

    public RecoveryCodeSummary summaryOf(UUID userId) {
        List<RecoveryCode> codes = em.createNamedQuery(RecoveryCode.OF_USER, RecoveryCode.class)
                .setParameter("userId", userId).getResultList();
        int left = (int) codes.stream().filter(c -> !c.isUsed()).count();
        Instant issuedAt = codes.stream().map(RecoveryCode::getCreatedAt).max(Comparator.naturalOrder()).orElse(null);
        Instant lastUsedAt = codes.stream().map(RecoveryCode::getUsedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new RecoveryCodeSummary(!codes.isEmpty(), left, issuedAt, lastUsedAt);
    }

    /** Every code of the user goes: 2FA switched off or reset. */
    public void removeAll(UUID userId) {
        em.createNamedQuery(RecoveryCode.REMOVE_OF_USER).setParameter("userId", userId).executeUpdate();
    }

    /** The person removes their codes; false when there were none. */
    public boolean remove(UUID userId) {
        guards.exclusive(userId);
        int removed = em.createNamedQuery(RecoveryCode.REMOVE_OF_USER).setParameter("userId", userId).executeUpdate();
        if (removed > 0) {
            events.fire(Kind.RECOVERY_CODES_REMOVED, userId, null, null);
        }
        return removed > 0;
    }
}
