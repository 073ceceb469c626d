package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.phones.boundary.PhoneNumbers;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.boundary.Step;
import com.videoapi.portal.security.verification.control.Admission;
import com.videoapi.portal.security.verification.control.Refusal;
import com.videoapi.portal.security.verification.control.SendBudgets;
import com.videoapi.portal.security.verification.control.SmsRegions;
import com.videoapi.portal.security.verification.control.TypedCode;
import com.videoapi.portal.security.verification.control.VerificationFailure;
import com.videoapi.portal.security.verification.control.VerificationGateway;
import com.videoapi.portal.security.verification.control.VerificationGateway.CodeCheck;
import com.videoapi.portal.security.verification.entity.CodeSend;
import com.videoapi.portal.security.verification.entity.PendingVerification;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sends codes to phones and checks them, through the configured {@link VerificationGateway}.
 *
 * <p>A verification belongs to one user and one {@link Purpose}: a code confirms only what it was
 * sent for. Starting one replaces the user's earlier one for that purpose (cancelled at the channel
 * too). What is under way is kept in the database, so any node can finish it.
 *
 * <p>Limits (ASVS 5.0 V6, NIST SP 800-63B 5.1.3): a verification takes at most
 * {@code twofactor.wrong-codes-per-verification} (5) wrong codes, then is void; wrong codes count
 * towards the user's lock ({@link Guards}); sends for one purpose are spaced by
 * {@code twofactor.resend-cooldown} (30 s); then {@link SendBudgets} says whether the code may go
 * out, and counts it: enrolment codes (to a number not yet verified for the user, which must be of a
 * region in {@code twofactor.sms-regions}) and sign-in or confirmation codes (to the user's verified
 * number) have budgets of their own. With no usable channel ({@link CodeChannel#canSend()}) every
 * code is refused before anything is counted. Work on one user's codes is serialised on the user's guard row,
 * so a double click sends one code and concurrent guesses are all counted.
 *
 * <p>"Call me instead" ({@link #call}) sends the code by voice call ({@link Delivery#VOICE}) to the same
 * number, replacing the text message's verification like a new code does: the same cooldown since the
 * last code, the same budgets, and a cooldown of its own between calls ({@code twofactor.call-cooldown},
 * 2 minutes): a call costs more than a text and rings someone's phone.
 */
@Stateless
public class Verifications {

    /** Codes are 6 digits; people paste them with spaces or dashes now and then ({@link TypedCode}). */
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    VerificationGateway gateway;

    @Inject
    Guards guards;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "twofactor.wrong-codes-per-verification")
    int wrongCodesAllowed;

    @Inject
    @ConfigProperty(name = "twofactor.resend-cooldown")
    Duration cooldown;

    @Inject
    @ConfigProperty(name = "twofactor.call-cooldown")
    Duration callCooldown;

    @Inject
    @ConfigProperty(name = "twofactor.sms-regions")
    String smsRegions;

    @Inject
    SendBudgets budgets;

    @Inject
    CodeChannel codeChannel;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    Users users;

    @Inject
    Instance<RequestOrigin> origin;

    @Inject
    Event<SmsOutcome> outcomes;

    private SmsRegions regions;

    @PostConstruct
    void readRegions() {
        regions = SmsRegions.of(smsRegions);
    }

    /**
     * Sends a code to {@code number} for this user and purpose, unless a limit says not now. The
     * same request again within the cooldown (a double click, a reload) is answered with the code
     * already sent.
     *
     * @param language the person's language, for the words of the text message (null: the channel's default)
     */
    public StartedVerification start(UUID userId, Purpose purpose, PhoneNumber number, Locale language) {
        return send(userId, purpose, number, language, false, Delivery.SMS);
    }

    /** "Send a new code": like {@link #start}, but within the cooldown it is refused, not merged. */
    public StartedVerification resend(UUID userId, Purpose purpose, PhoneNumber number, Locale language) {
        return send(userId, purpose, number, language, true, Delivery.SMS);
    }

    /**
     * "Call me instead": a new code, read out in a call to {@code number}, replacing the earlier one.
     * Refused within the cooldown of the last code (a text message's verification cannot be cancelled
     * at Vonage sooner) and within {@code twofactor.call-cooldown} of the last call, except that the
     * same request again at once (a double click) is answered with the call already started. Counted
     * in the same budgets as a text message.
     *
     * @param language the person's language, for the voice that reads the code
     */
    public StartedVerification call(UUID userId, Purpose purpose, PhoneNumber number, Locale language) {
        return send(userId, purpose, number, language, true, Delivery.VOICE);
    }

    private StartedVerification send(UUID userId, Purpose purpose, PhoneNumber number, Locale language,
                                     boolean newCodeAsked, Delivery delivery) {
        if (!codeChannel.canSend()) {
            // Before the budgets and the cooldown: nothing can go out, so nothing is counted.
            return refused(userId, purpose, number, CodeProblem.NO_CHANNEL, "no_channel", "no code channel");
        }
        guards.exclusive(userId);
        // An enrolment code goes to a number not yet verified for this user: the attacker's way to
        // toll fraud. A code to the user's own verified number is a sign-in or confirmation code.
        boolean enrolment = phoneNumbers.verifiedNumberOf(userId).filter(number::equals).isEmpty();
        if (enrolment && !regions.accepts(number)) {
            return refused(userId, purpose, number, CodeProblem.REGION_NOT_SERVED, "region",
                    "region " + number.regionCode() + " not in twofactor.sms-regions");
        }
        Instant now = clock.instant();
        Optional<Instant> last = lastSendOf(userId, purpose);
        if (delivery == Delivery.VOICE) {
            Optional<Instant> lastCall = lastSendOf(userId, purpose, Delivery.VOICE);
            if (lastCall.isPresent() && now.isBefore(lastCall.get().plus(callCooldown))) {
                boolean doubleClick = lastCall.equals(last) && now.isBefore(lastCall.get().plus(cooldown));
                Optional<PendingVerification> justCalled = pendingOf(userId, purpose)
                        .filter(p -> doubleClick && p.getPhoneE164().equals(number.e164()) && !p.getCreatedAt().isBefore(lastCall.get()));
                if (justCalled.isPresent()) {
                    return StartedVerification.sent(justCalled.get().getId(), number.masked());
                }
                return refused(userId, purpose, number, CodeProblem.CALL_COOLING_DOWN, "call_cooldown", "call cooldown");
            }
        }
        if (last.isPresent() && now.isBefore(last.get().plus(cooldown))) {
            Optional<PendingVerification> justStarted = pendingOf(userId, purpose)
                    .filter(p -> p.getPhoneE164().equals(number.e164()) && !p.getCreatedAt().isBefore(last.get()));
            if (justStarted.isPresent() && !newCodeAsked) {
                // The same request twice (a double click, a reload): the code already sent answers both.
                return StartedVerification.sent(justStarted.get().getId(), number.masked());
            }
            return refused(userId, purpose, number, CodeProblem.COOLING_DOWN, "cooldown", "cooldown");
        }
        Admission admission = enrolment
                ? budgets.admitEnrolment(userId, number, clientAddress(), users.hasVerifiedEmail(userId))
                : budgets.admitCode(userId, number);
        if (!admission.admitted()) {
            Refusal refusal = admission.refusal();
            return refused(userId, purpose, number, problemOf(refusal), refusal.tag(), "send budget spent: " + refusal.tag());
        }
        if (delivery == Delivery.VOICE) {
            return called(userId, purpose, number, language, enrolment, now);
        }
        cancelAll(userId, purpose);
        if (!enrolment) {
            cancelOthersEnrolmentsTo(userId, number);
        }
        String requestId;
        try {
            requestId = gateway.start(number.e164(), language);
        } catch (VerificationFailure failure) {
            // Counted against the budgets all the same: a send that timed out may have gone out.
            return refused(userId, number, problemOf(failure), failure.reason() + " (" + failure.httpStatus() + ")");
        }
        return started(userId, purpose, number, requestId, now, Delivery.SMS);
    }

    /**
     * A call, admitted. The text message's verification is cancelled only once Vonage refuses the
     * call because of it (409, one verification per number), then the call is tried once more: a
     * call that fails otherwise (Vonage down, rate limited) leaves the code texted good, so nothing
     * the person had is lost.
     */
    private StartedVerification called(UUID userId, Purpose purpose, PhoneNumber number, Locale language,
                                       boolean enrolment, Instant now) {
        if (!enrolment) {
            cancelOthersEnrolmentsTo(userId, number);
        }
        String requestId;
        try {
            try {
                requestId = gateway.call(number.e164(), language);
            } catch (VerificationFailure failure) {
                if (failure.reason() != VerificationFailure.Reason.ALREADY_RUNNING || pendingOf(userId, purpose).isEmpty()) {
                    throw failure;
                }
                cancelAll(userId, purpose);
                requestId = gateway.call(number.e164(), language);
            }
        } catch (VerificationFailure failure) {
            return refused(userId, number, problemOf(failure), "call: " + failure.reason() + " (" + failure.httpStatus() + ")");
        }
        cancelAll(userId, purpose);
        return started(userId, purpose, number, requestId, now, Delivery.VOICE);
    }

    private StartedVerification started(UUID userId, Purpose purpose, PhoneNumber number, String requestId, Instant now,
                                        Delivery delivery) {
        em.persist(new CodeSend(userId, purpose, now, delivery));
        PendingVerification pending = new PendingVerification(userId, purpose, number.e164(), requestId, now);
        em.persist(pending);
        events.fire(Kind.CODE_SENT, userId, number.masked(), delivery == Delivery.VOICE ? purpose.name() + " by voice call" : purpose.name());
        outcomes.fire(SmsOutcome.sent(purpose, number.regionCode()));
        return StartedVerification.sent(pending.getId(), number.masked());
    }

    /**
     * Voids other users' enrolments in flight to the number, at the channel too, before its owner's
     * sign-in or confirmation code: Verify runs one verification per number at a time (409 to a
     * second), so a stranger who enrols the number could otherwise keep its owner from signing in.
     * Safe: an enrolment proves nothing until its code is typed, and the code went to the owner's
     * phone; a stranger who really shares the phone asks for a new code.
     */
    private void cancelOthersEnrolmentsTo(UUID userId, PhoneNumber number) {
        // A new number on its way in (Purpose.NEW_NUMBER) is an enrolment of it as much as ENROL is.
        List<PendingVerification> others = new ArrayList<>();
        for (Purpose enrolment : List.of(Purpose.ENROL, Purpose.NEW_NUMBER)) {
            others.addAll(em.createNamedQuery(PendingVerification.OTHERS_TO_NUMBER_FOR, PendingVerification.class)
                    .setParameter("number", number.e164())
                    .setParameter("purpose", enrolment)
                    .setParameter("userId", userId)
                    .getResultList());
        }
        for (PendingVerification pending : others) {
            gateway.cancel(pending.getChannelRequestId());
            em.remove(pending);
            events.fire(Kind.CODE_FAILED, pending.getUserId(), number.masked(),
                    "enrolment voided: the number's owner asked for a code");
        }
    }

    private String clientAddress() {
        try {
            return origin.isResolvable() ? origin.get().ip() : null;
        } catch (ContextNotActiveException outsideARequest) {
            return null;
        }
    }

    /**
     * Checks a code against this user's verification for this purpose. A confirmed verification is
     * over; so is one with too many wrong codes, or one the channel reports expired or used up.
     * While the user's code step is locked, every code is refused as wrong, the right one too.
     */
    public CheckedCode check(UUID verificationId, UUID userId, Purpose purpose, String typedCode) {
        guards.exclusive(userId);
        PendingVerification pending = verificationId == null ? null
                : em.find(PendingVerification.class, verificationId, LockModeType.PESSIMISTIC_WRITE);
        if (pending == null || !pending.getUserId().equals(userId) || pending.getPurpose() != purpose) {
            // Already confirmed (by a concurrent request with the same code), replaced or voided.
            return CheckedCode.refused(CodeProblem.EXPIRED);
        }
        if (guards.isLocked(userId, Step.CODE)) {
            events.fire(Kind.CODE_FAILED, userId, masked(pending), "refused: code step locked");
            return CheckedCode.refused(CodeProblem.WRONG_CODE);
        }
        String code = TypedCode.withoutSeparators(typedCode);
        if (!CODE.matcher(code).matches()) {
            return wrongCode(pending, "malformed");
        }
        try {
            if (gateway.check(pending.getChannelRequestId(), code) == CodeCheck.CONFIRMED) {
                em.remove(pending);
                guards.succeeded(userId, Step.CODE);
                return CheckedCode.confirmed(PhoneNumber.ofE164(pending.getPhoneE164()));
            }
            return wrongCode(pending, "wrong");
        } catch (VerificationFailure failure) {
            CodeProblem problem = problemOf(failure);
            events.fire(Kind.CODE_FAILED, userId, masked(pending), failure.reason() + " (" + failure.httpStatus() + ")");
            if (problem == CodeProblem.EXPIRED) {
                em.remove(pending);
            }
            return CheckedCode.refused(problem);
        }
    }

    private CheckedCode wrongCode(PendingVerification pending, String how) {
        int wrong = pending.countWrongCode();
        guards.failed(pending.getUserId(), Step.CODE);
        events.fire(Kind.CODE_FAILED, pending.getUserId(), masked(pending), how + " code, " + wrong + " of " + wrongCodesAllowed);
        if (wrong >= wrongCodesAllowed) {
            gateway.cancel(pending.getChannelRequestId());
            em.remove(pending);
        }
        return CheckedCode.refused(CodeProblem.WRONG_CODE);
    }

    /** How long until this user may be sent another code for this purpose; zero when now. */
    public Duration untilNextCode(UUID userId, Purpose purpose) {
        Instant now = clock.instant();
        return lastSendOf(userId, purpose)
                .map(last -> Duration.between(now, last.plus(cooldown)))
                .filter(wait -> !wait.isNegative())
                .orElse(Duration.ZERO);
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

    private StartedVerification refused(UUID userId, Purpose purpose, PhoneNumber number, CodeProblem problem,
                                        String refusal, String why) {
        outcomes.fire(SmsOutcome.refused(purpose, refusal));
        return refused(userId, number, problem, why);
    }

    private StartedVerification refused(UUID userId, PhoneNumber number, CodeProblem problem, String why) {
        events.fire(Kind.CODE_NOT_SENT, userId, number.masked(), why);
        return StartedVerification.notSent(number.masked(), problem);
    }

    private Optional<PendingVerification> pendingOf(UUID userId, Purpose purpose) {
        return em.createNamedQuery(PendingVerification.OF_USER_FOR, PendingVerification.class)
                .setParameter("userId", userId)
                .setParameter("purpose", purpose)
                .getResultList().stream()
                .findFirst();
    }

    private Optional<Instant> lastSendOf(UUID userId, Purpose purpose) {
        return Optional.ofNullable(em.createNamedQuery(CodeSend.LAST_OF_USER_FOR, Instant.class)
                .setParameter("userId", userId)
                .setParameter("purpose", purpose)
                .getSingleResult());
    }

    private Optional<Instant> lastSendOf(UUID userId, Purpose purpose, Delivery delivery) {
        return Optional.ofNullable(em.createNamedQuery(CodeSend.LAST_BY_OF_USER_FOR, Instant.class)
                .setParameter("userId", userId)
                .setParameter("purpose", purpose)
                .setParameter("delivery", delivery)
                .getSingleResult());
    }

    private static String masked(PendingVerification pending) {
        return PhoneNumber.ofE164(pending.getPhoneE164()).masked();
    }

    static CodeProblem problemOf(Refusal refusal) {
        return switch (refusal) {
            case ENROL_USER, ENROL_NUMBER, ENROL_ADDRESS, CODE_USER, CODE_USER_NUMBER -> CodeProblem.TOO_MANY_CODES;
            case ENROL_USER_NUMBERS -> CodeProblem.TOO_MANY_NUMBERS;
            case ENROL_CEILING, CODE_CEILING, NUMBER_KEY_MISSING -> CodeProblem.UNAVAILABLE;
        };
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
