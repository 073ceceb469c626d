package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.verification.entity.DevelopmentCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The code channel for development: sends no SMS and calls no one. It makes a 6-digit code with {@link SecureRandom},
 * keeps only its hash, expiry (10 minutes) and wrong tries in the database, and writes the code to the
 * server log under {@value #LOG_CATEGORY}, with a warning that no SMS was sent.
 *
 * <p>{@link VerificationChannels} selects it only when {@code twofactor.channel=development} is set. Like
 * Vonage Verify, it voids a verification after too many wrong codes (five, the product's own limit).
 */
@ApplicationScoped
@Typed(DevelopmentVerificationGateway.class)
public class DevelopmentVerificationGateway implements VerificationGateway {

    public static final String LOG_CATEGORY = "com.videoapi.portal.security.development-codes";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Above Verify's own three: {@code Verifications} voids a verification after its fifth wrong code. */
    static final int WRONG_TRIES_ALLOWED = 5;

    private static final Logger CODES = Logger.getLogger(LOG_CATEGORY);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    @Transactional
    public String start(String e164Number, Locale language) {
        UUID requestId = UUID.randomUUID();
        String code = newCode();
        em.persist(new DevelopmentCode(requestId, hashOf(requestId, code), clock.instant().plus(LIFETIME)));
        String masked = PhoneNumber.ofE164(e164Number).masked();
        CODES.warning(() -> "NO SMS SENT (development channel: twofactor.channel=development). Code for "
                + masked + ": " + code + " (valid " + LIFETIME.toMinutes() + " minutes" + (language == null ? "" : ", language "
                + language.toLanguageTag()) + ")");
        return requestId.toString();
    }

    /** Calls no one: like {@link #start}, with a line that says it would call and read the code. */
    @Override
    @Transactional
    public String call(String e164Number, Locale language) {
        UUID requestId = UUID.randomUUID();
        String code = newCode();
        em.persist(new DevelopmentCode(requestId, hashOf(requestId, code), clock.instant().plus(LIFETIME)));
        String masked = PhoneNumber.ofE164(e164Number).masked();
        CODES.warning(() -> "NO CALL MADE (development channel: twofactor.channel=development). Would call "
                + masked + " and read the code " + code + " (valid " + LIFETIME.toMinutes() + " minutes" + (language == null ? ""
                : ", language " + language.toLanguageTag()) + ")");
        return requestId.toString();
    }

    @Override
    @Transactional // a VerificationFailure is checked: what was removed stays removed
    public CodeCheck check(String requestId, String code) throws VerificationFailure {
        DevelopmentCode stored = find(requestId);
        if (stored == null) {
            throw new VerificationFailure(VerificationFailure.Reason.NOT_FOUND, 404, "Unknown or finished verification", null);
        }
        if (!clock.instant().isBefore(stored.getExpiresAt())) {
            em.remove(stored);
            throw new VerificationFailure(VerificationFailure.Reason.EXPIRED_OR_USED_UP, 410, "Code expired", null);
        }
        if (MessageDigest.isEqual(stored.getCodeHash().getBytes(StandardCharsets.US_ASCII),
                hashOf(stored.getRequestId(), code).getBytes(StandardCharsets.US_ASCII))) {
            em.remove(stored);
            return CodeCheck.CONFIRMED;
        }
        stored.countWrongTry();
        if (stored.getAttempts() >= WRONG_TRIES_ALLOWED) {
            em.remove(stored);
            throw new VerificationFailure(VerificationFailure.Reason.EXPIRED_OR_USED_UP, 410, "Too many wrong codes", null);
        }
        return CodeCheck.WRONG_CODE;
    }

    @Override
    @Transactional
    public void cancel(String requestId) {
        DevelopmentCode stored = find(requestId);
        if (stored != null) {
            em.remove(stored);
        }
    }

    private DevelopmentCode find(String requestId) {
        try {
            return em.find(DevelopmentCode.class, UUID.fromString(requestId));
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** Salted with the request id, so equal codes of two verifications hash differently. */
    static String hashOf(UUID requestId, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((requestId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
