package com.videoapi.portal.security.twofactor.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.phones.boundary.PhoneNumbers;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.passwords.boundary.PasswordConfirmations;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodes;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep.Result;
import com.videoapi.portal.security.twofactor.entity.FormerNumber;
import com.videoapi.portal.security.twofactor.entity.SecondFactor;
import com.videoapi.portal.security.verification.boundary.CheckedCode;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import com.videoapi.portal.security.verification.boundary.StartedVerification;
import com.videoapi.portal.security.verification.boundary.Verifications;
import com.videoapi.portal.security.verification.boundary.Purpose;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Switching two-factor authentication on and off.
 *
 * <ul>
 *   <li>On: a code goes to the number the person typed; only the right code enables 2FA and stores
 *       the number. Abandoning half-way leaves 2FA off.</li>
 *   <li>Off: the password again; on a trusted device of the user that is enough, anywhere else a code
 *       to the current number is needed too. Then the number, the authenticator app and the recovery codes are
 *       forgotten and every trusted device of the user revoked: a lost phone must not leave a way in.</li>
 * </ul>
 * Switching on or off ends the user's other sessions; the page keeps its own
 * ({@code SignInSessions.keepThisSession}). 2FA on without a stored number (an inconsistency) never
 * lets the password alone switch it off or prove who one is: refused, and logged at ERROR.
 */
@Stateless
public class TwoFactor {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    Verifications verifications;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    PasswordConfirmations passwordConfirmations;

    @Inject
    Guards guards;

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    Authenticators authenticators;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    @Inject
    Event<TwoFactorSwitchedOff> switchedOff;

    public TwoFactorStatus statusOf(UUID userId) {
        if (em.find(SecondFactor.class, userId) == null) {
            return TwoFactorStatus.OFF;
        }
        return new TwoFactorStatus(true, phoneNumbers.verifiedNumberOf(userId).map(PhoneNumber::masked).orElse(null));
    }

    public boolean isEnabled(UUID userId) {
        return em.find(SecondFactor.class, userId) != null;
    }

    /** When 2FA (and with it the number) was switched on; empty while it is off. */
    public Optional<java.time.Instant> enabledAt(UUID userId) {
        return Optional.ofNullable(em.find(SecondFactor.class, userId)).map(SecondFactor::getEnabledAt);
    }

    /** The number sign-in codes go to: only ever the stored, verified one. */
    public Optional<PhoneNumber> numberOf(UUID userId) {
        return isEnabled(userId) ? phoneNumbers.verifiedNumberOf(userId) : Optional.empty();
    }

    /**
     * Sends a code to the number typed, to prove it before 2FA is switched on.
     *
     * @param language the person's language, for the text message
     */
    public TwoFactorStep startEnrolment(UUID userId, PhoneNumber number, Locale language) {
        return stepOf(verifications.start(userId, Purpose.ENROL, number, language));
    }

    /** "Send a new code" during enrolment: refused within the resend cooldown. */
    public TwoFactorStep resendEnrolmentCode(UUID userId, PhoneNumber number, Locale language) {
        return stepOf(verifications.resend(userId, Purpose.ENROL, number, language));
    }

    /** "Call me instead" during enrolment: the code read out in a call to the number typed. */
    public TwoFactorStep callEnrolmentNumber(UUID userId, PhoneNumber number, Locale language) {
        return stepOf(verifications.call(userId, Purpose.ENROL, number, language));
    }

    /** The right code enables 2FA with the number it was sent to. */
    public TwoFactorStep confirmEnrolment(UUID userId, UUID verificationId, String code) {
        CheckedCode checked = verifications.check(verificationId, userId, Purpose.ENROL, code);
        if (!checked.isConfirmed()) {
            return refusedFor(checked.problem());
        }
        Optional<PhoneNumber> before = phoneNumbers.verifiedNumberOf(userId);
        if (before.isPresent() && !before.get().equals(checked.provenNumber()) && isEnabled(userId)) {
            keepFormer(userId, before.get());
        }
        phoneNumbers.recordVerified(userId, checked.provenNumber());
        if (em.find(SecondFactor.class, userId) == null) {
            em.persist(new SecondFactor(userId, clock.instant()));
            events.fire(Kind.TWO_FACTOR_ENABLED, userId, checked.provenNumber().masked(), null);
        } else if (before.isPresent() && !before.get().equals(checked.provenNumber())) {
            events.fire(Kind.NUMBER_CHANGED, userId, checked.provenNumber().masked(), "was " + before.get().masked());
        }
        guards.endSessions(userId);
        return TwoFactorStep.done(Result.ENABLED);
    }

    /**
     * First step of switching 2FA off: the password; then, unless {@code deviceToken} marks a trusted
     * device of this user, a code to the current number; with no number (the app or a passkey left),
     * {@link TwoFactorStep.State#FACTOR_NEEDED}: a fresh proof by one of them, then {@link #switchOff}.
     */
    public TwoFactorStep startDisabling(UUID userId, String email, String password, String deviceToken, Locale language) {
        if (!passwordConfirmations.confirms(userId, email, password)) {
            return TwoFactorStep.wrongPassword();
        }
        if (!isEnabled(userId)) {
            return TwoFactorStep.done(Result.DISABLED);
        }
        if (trustedDevices.isTrusted(userId, deviceToken)) {
            disable(userId, "from a trusted device");
            return TwoFactorStep.done(Result.DISABLED);
        }
        Optional<PhoneNumber> number = phoneNumbers.verifiedNumberOf(userId);
        if (number.isEmpty()) {
            // The number was removed while the app or a passkey stayed: the page asks for one of those
            // (a fresh proof, IdentityProofs), which refuses and logs at ERROR if there is none either.
            return TwoFactorStep.factorNeeded(null);
        }
        return stepOf(verifications.start(userId, Purpose.DISABLE, number.get(), language));
    }

    /** Second step of switching 2FA off from a device that is not trusted: the code. */
    public TwoFactorStep confirmDisabling(UUID userId, UUID verificationId, String code) {
        CheckedCode checked = verifications.check(verificationId, userId, Purpose.DISABLE, code);
        if (!checked.isConfirmed()) {
            return refusedFor(checked.problem());
        }
        disable(userId, "with a code");
        return TwoFactorStep.done(Result.DISABLED);
    }

    /**
     * The last second factor goes (the number, the app or the last passkey, with nothing else left):
     * that is switching 2FA off, with its rules. The caller has checked a fresh proof of identity.
     */
    public void switchOff(UUID userId, String how) {
        if (isEnabled(userId)) {
            disable(userId, how);
        }
    }

    /**
     * Removes the number while another second factor (the app, a passkey) stays: no code goes to it
     * any more and 2FA stays on. The caller has checked a fresh proof and that another factor is left.
     * The number is kept as the former one, for the security notice ("This wasn't me" puts it back).
     *
     * @return false when there was no number
     */
    public boolean removeNumber(UUID userId) {
        guards.exclusive(userId);
        Optional<PhoneNumber> number = numberOf(userId);
        if (number.isEmpty()) {
            return false;
        }
        keepFormer(userId, number.get());
        phoneNumbers.forget(userId);
        SecondFactor secondFactor = em.find(SecondFactor.class, userId);
        if (SignInMethod.SMS.name().equals(secondFactor.getDefaultMethod())) {
            secondFactor.setDefaultMethod(null);
        }
        // Codes on their way to it are void: a sign-in or a proof started before cannot finish with one.
        for (Purpose purpose : Purpose.values()) {
            if (purpose != Purpose.ENROL && purpose != Purpose.NEW_NUMBER) {
                verifications.cancelAll(userId, purpose);
            }
        }
        events.fire(Kind.NUMBER_REMOVED, userId, number.get().masked(), null);
        return true;
    }

    /** The method the person chose for sign-ins to open on; empty while 2FA is off or none was chosen. */
    public Optional<SignInMethod> chosenMethod(UUID userId) {
        return Optional.ofNullable(em.find(SecondFactor.class, userId)).map(SecondFactor::getDefaultMethod)
                .map(SignInMethod::valueOf);
    }

    /** Records the method sign-ins open on; the caller has checked that the user has it. */
    public void choose(UUID userId, SignInMethod method) {
        SecondFactor secondFactor = em.find(SecondFactor.class, userId);
        if (secondFactor != null) {
            secondFactor.setDefaultMethod(method.name());
        }
    }

    /**
     * An operator switches 2FA off for a user who lost the phone and every trusted device: no proof
     * is asked of the user, so the operator must have checked who is asking.
     */
    public void reset(UUID userId, String operator) {
        disable(userId, "reset by operator " + operator);
        events.fire(Kind.TWO_FACTOR_RESET, userId, null, "by operator " + operator);
    }

    private void disable(UUID userId, String how) {
        SecondFactor secondFactor = em.find(SecondFactor.class, userId);
        if (secondFactor != null) {
            em.remove(secondFactor);
        }
        Optional<PhoneNumber> number = phoneNumbers.verifiedNumberOf(userId);
        String masked = number.map(PhoneNumber::masked).orElse(null);
        if (secondFactor != null) {
            number.ifPresent(n -> keepFormer(userId, n));
        }
        phoneNumbers.forget(userId);
        // Every other way in goes with it: 2FA off means no second factor is kept.
        recoveryCodes.removeAll(userId);
        authenticators.remove(userId, "two-factor authentication disabled");
        trustedDevices.revokeAll(userId, "two-factor authentication disabled");
        switchedOff.fire(new TwoFactorSwitchedOff(userId, how));
        verifications.cancelAll(userId, Purpose.SIGN_IN);
        guards.endSessions(userId);
        events.fire(Kind.TWO_FACTOR_DISABLED, userId, masked, how);
    }

    /**
     * Puts 2FA back on with {@code number}, which the user verified before a change they reported as
     * not theirs ("This wasn't me"). No code is asked: the number was proven, and the person holding the
     * mailed link is not the one who changed it. Fires nothing of its own: securing the account says it all.
     */
    public void restore(UUID userId, PhoneNumber number) {
        phoneNumbers.recordVerified(userId, number);
        if (em.find(SecondFactor.class, userId) == null) {
            em.persist(new SecondFactor(userId, clock.instant()));
        }
        verifications.cancelAll(userId, Purpose.SIGN_IN);
    }

    /**
     * The number that the change in this transaction replaces, taken (read and forgotten) by the
     * security notice of the change; empty when there was none or it was taken already.
     */
    public Optional<PhoneNumber> takeFormerNumber(UUID userId) {
        FormerNumber former = em.find(FormerNumber.class, userId);
        if (former == null) {
            return Optional.empty();
        }
        em.remove(former);
        return Optional.of(PhoneNumber.ofE164(former.getE164()));
    }

    private void keepFormer(UUID userId, PhoneNumber number) {
        FormerNumber former = em.find(FormerNumber.class, userId);
        if (former == null) {
            em.persist(new FormerNumber(userId, number.e164(), clock.instant()));
        } else {
            former.replace(number.e164(), clock.instant());
        }
    }

    /**
     * 2FA on and no second factor to ask for: never the password alone. Only an operator can mend it
     * ({@code resetTwoFactor}), so the log says so at ERROR; the person hears that no code can be sent.
     */
    public TwoFactorStep secondFactorMissing(UUID userId, String what) {
        LOG.severe(() -> "User " + userId + " refused " + what + ": two-factor authentication is on but no second"
                + " factor is stored (no verified number, app or passkey). Check the account (JMX status), then resetTwoFactor once the person is identified.");
        events.fire(Kind.CODE_NOT_SENT, userId, null, what + " refused: 2FA on without a second factor");
        return TwoFactorStep.refused(CodeProblem.NO_CHANNEL);
    }

    private static TwoFactorStep stepOf(StartedVerification started) {
        return started.wasSent()
                ? TwoFactorStep.codeSent(started.verificationId(), started.maskedNumber())
                : TwoFactorStep.refused(started.problem());
    }

    private static TwoFactorStep refusedFor(CodeProblem problem) {
        return TwoFactorStep.refused(problem);
    }
}
