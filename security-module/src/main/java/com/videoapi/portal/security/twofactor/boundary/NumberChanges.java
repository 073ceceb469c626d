package com.videoapi.portal.security.twofactor.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.phones.boundary.PhoneNumbers;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.twofactor.boundary.NumberChangeStep.Refusal;
import com.videoapi.portal.security.verification.boundary.CheckedCode;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.StartedVerification;
import com.videoapi.portal.security.verification.boundary.Verifications;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Changing the number of two-factor authentication without switching it off: the account is never
 * without a second factor in between.
 *
 * <ol>
 *   <li>A fresh proof of identity (the password plus a current factor: a code to the old number, or
 *       this browser being a trusted device). The page asks for it ({@code FreshProof}) before it calls
 *       {@link #start}: someone at a signed-in browser without the old factor gets no further.</li>
 *   <li>A code to the new number ({@link #start}; {@link #resend}, {@link #call}), counted in the
 *       enrolment budgets: the new number is not yet verified for the user.</li>
 *   <li>The right code ({@link #confirm}) puts the new number in place of the old one, in one
 *       transaction with the audit event {@code NUMBER_CHANGED} (which the security notice observes),
 *       and ends the user's other sessions, as switching 2FA does.</li>
 * </ol>
 * Until the last step the old number stays in force: sign-in codes go to it. A wrong or expired
 * code, or Vonage failing, changes nothing. Two confirmations racing with the right code make one
 * change: the verification is spent under the user's guard row lock ({@link Verifications#check}).
 */
@Stateless
public class NumberChanges {

    @Inject
    Verifications verifications;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    TwoFactor twoFactor;

    @Inject
    Guards guards;

    @Inject
    SecurityEvents events;

    /** A code to the new number, replacing any earlier one of a change; the caller checked the fresh proof. */
    public NumberChangeStep start(UUID userId, PhoneNumber newNumber, Locale language) {
        return send(userId, newNumber, () -> verifications.start(userId, Purpose.NEW_NUMBER, newNumber, language));
    }

    /** "Send a new code": refused within the resend cooldown. */
    public NumberChangeStep resend(UUID userId, PhoneNumber newNumber, Locale language) {
        return send(userId, newNumber, () -> verifications.resend(userId, Purpose.NEW_NUMBER, newNumber, language));
    }

    /** "Call me instead": the code read out in a call to the new number. */
    public NumberChangeStep call(UUID userId, PhoneNumber newNumber, Locale language) {
        return send(userId, newNumber, () -> verifications.call(userId, Purpose.NEW_NUMBER, newNumber, language));
    }

    private NumberChangeStep send(UUID userId, PhoneNumber newNumber, Supplier<StartedVerification> sending) {
        if (!twoFactor.isEnabled(userId)) {
            return NumberChangeStep.refused(Refusal.TWO_FACTOR_OFF);
        }
        // No number now (removed while the app or a passkey stayed): this adds one, by the same steps.
        Optional<PhoneNumber> current = twoFactor.numberOf(userId);
        if (current.isPresent() && current.get().equals(newNumber)) {
            return NumberChangeStep.refused(Refusal.SAME_NUMBER);
        }
        StartedVerification started = sending.get();
        return started.wasSent()
                ? NumberChangeStep.codeSent(started.verificationId(), started.maskedNumber())
                : NumberChangeStep.refused(started.problem());
    }

    /** The code sent to the new number: the right one swaps it in. */
    public NumberChangeStep confirm(UUID userId, UUID verificationId, String code) {
        CheckedCode checked = verifications.check(verificationId, userId, Purpose.NEW_NUMBER, code);
        if (!checked.isConfirmed()) {
            return NumberChangeStep.refused(checked.problem());
        }
        // Under the guard row lock check() took: 2FA cannot be switched off between here and the commit.
        if (!twoFactor.isEnabled(userId)) {
            // Switched off while the code was on its way: nothing to change, and 2FA stays off.
            return NumberChangeStep.refused(Refusal.TWO_FACTOR_OFF);
        }
        Optional<PhoneNumber> before = twoFactor.numberOf(userId);
        PhoneNumber proven = checked.provenNumber();
        phoneNumbers.recordVerified(userId, proven);
        // Codes on their way to the old number prove nothing any more; sessions and sign-ins of before end.
        verifications.cancelAll(userId, Purpose.SIGN_IN);
        guards.endSessions(userId);
        events.fire(Kind.NUMBER_CHANGED, userId, proven.masked(),
                before.map(b -> "was " + b.masked()).orElse("added: there was no number"));
        return NumberChangeStep.changed(proven.masked());
    }

    /** Gives up a change under way: its code to the new number stops working. */
    public void abandon(UUID userId) {
        verifications.cancelAll(userId, Purpose.NEW_NUMBER);
    }
}
