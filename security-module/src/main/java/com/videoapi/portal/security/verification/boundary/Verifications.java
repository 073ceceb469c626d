package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.verification.control.VerificationFailure;
import com.videoapi.portal.security.verification.control.VerificationGateway;
import com.videoapi.portal.security.verification.control.VerificationGateway.CodeCheck;
import com.videoapi.portal.security.verification.entity.PendingVerification;
import com.videoapi.portal.security.verification.entity.Purpose;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Sends codes to phones and checks them, through the configured {@link VerificationGateway}.
 *
 * <p>A verification belongs to one user and one {@link Purpose}: a code confirms only what it was
 * sent for. Starting a verification replaces the user's earlier one for the same purpose. What is
 * under way is kept in the database ({@link PendingVerification}), so any node can finish it.
 */
@Stateless
public class Verifications {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");
    private static final Logger EVENTS = Logger.getLogger("com.videoapi.portal.security.events");
    /** Codes are 6 digits; people paste them with spaces or dashes now and then. */
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    VerificationGateway gateway;

    /** Sends a code to {@code number} for this user and purpose. */
    public StartedVerification start(UUID userId, Purpose purpose, PhoneNumber number) {
        cancelAll(userId, purpose);
        String requestId;
        try {
            requestId = gateway.start(number.e164());
        } catch (VerificationFailure failure) {
            LOG.info(() -> "No code sent to " + number.masked() + " for user " + userId + ": " + failure.reason()
                    + " (" + failure.httpStatus() + ")");
            return StartedVerification.notSent(number.masked(), problemOf(failure));
        }
        PendingVerification pending = new PendingVerification(userId, purpose, number.e164(), requestId, Instant.now());
        em.persist(pending);
        EVENTS.info(() -> "Code sent to " + number.masked() + " for user " + userId + " (" + purpose + ")");
        return StartedVerification.sent(pending.getId(), number.masked());
    }

    /**
     * Checks a code against this user's verification for this purpose. A confirmed verification is
     * over; so is one the channel reports expired or used up.
     */
    public CheckedCode check(UUID verificationId, UUID userId, Purpose purpose, String typedCode) {
        PendingVerification pending = verificationId == null ? null : em.find(PendingVerification.class, verificationId);
        if (pending == null || !pending.getUserId().equals(userId) || pending.getPurpose() != purpose) {
            return CheckedCode.refused(CodeProblem.EXPIRED);
        }
        pending.countAttempt();
        String code = typedCode == null ? "" : typedCode.replaceAll("[\\s-]", "");
        if (!CODE.matcher(code).matches()) {
            EVENTS.info(() -> "Malformed code for user " + userId + " (" + purpose + ")");
            return CheckedCode.refused(CodeProblem.WRONG_CODE);
        }
        try {
            if (gateway.check(pending.getChannelRequestId(), code) == CodeCheck.CONFIRMED) {
                em.remove(pending);
                EVENTS.info(() -> "Code confirmed for user " + userId + " (" + purpose + ")");
                return CheckedCode.confirmed(PhoneNumber.ofE164(pending.getPhoneE164()));
            }
            EVENTS.info(() -> "Wrong code for user " + userId + " (" + purpose + ")");
            return CheckedCode.refused(CodeProblem.WRONG_CODE);
        } catch (VerificationFailure failure) {
            LOG.info(() -> "Code of user " + userId + " not checked: " + failure.reason() + " (" + failure.httpStatus() + ")");
            CodeProblem problem = problemOf(failure);
            if (problem == CodeProblem.EXPIRED) {
                em.remove(pending);
            }
            return CheckedCode.refused(problem);
        }
    }

    /** The masked number of this user's running verification, for the page that asks for its code. */
    public Optional<String> maskedNumberOf(UUID verificationId, UUID userId) {
        PendingVerification pending = verificationId == null ? null : em.find(PendingVerification.class, verificationId);
        return pending == null || !pending.getUserId().equals(userId)
                ? Optional.empty()
                : Optional.of(PhoneNumber.ofE164(pending.getPhoneE164()).masked());
    }

    /** Abandons this user's verifications for the purpose, at the channel too. */
    public void cancelAll(UUID userId, Purpose purpose) {
        List<PendingVerification> earlier = em.createNamedQuery(PendingVerification.OF_USER_FOR, PendingVerification.class)
                .setParameter("userId", userId)
                .setParameter("purpose", purpose)
                .getResultList();
        for (PendingVerification pending : earlier) {
            gateway.cancel(pending.getChannelRequestId());
            em.remove(pending);
        }
    }

    static CodeProblem problemOf(VerificationFailure failure) {
        return switch (failure.reason()) {
            case NOT_FOUND, EXPIRED_OR_USED_UP -> CodeProblem.EXPIRED;
            case ALREADY_RUNNING -> CodeProblem.ALREADY_SENT;
            case INVALID_NUMBER -> CodeProblem.INVALID_NUMBER;
            case RATE_LIMITED -> CodeProblem.RATE_LIMITED;
            case MISCONFIGURED, UNAVAILABLE -> CodeProblem.UNAVAILABLE;
        };
    }
}
