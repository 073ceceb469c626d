package com.videoapi.portal.security.methods.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.passwords.boundary.PasswordConfirmations;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodes;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep.Result;
import com.videoapi.portal.security.verification.boundary.CheckedCode;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.StartedVerification;
import com.videoapi.portal.security.verification.boundary.Verifications;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Proving again who one is before a sensitive change (the page's {@code FreshProof}): the password,
 * then any current second factor of the user's: a code to the stored number (by text, or "Call me
 * instead"), the authenticator app's code, a passkey, or a recovery code (spent). None is needed on a
 * trusted device of the user, nor while 2FA is off: the rule of switching 2FA off from a trusted device.
 *
 * <p>Every check is the sign-in's own: texted and app codes and recovery codes count towards the same
 * code lock ({@code Step.CODE}), an app code's step is accepted once, a recovery code is spent, a
 * passkey's challenge answers once. {@link TwoFactorStep.State#DONE} means proven: the caller records it
 * in the session of the user it was given for, and for no one else. Every proof is audited as
 * {@code IDENTITY_PROVEN}, its detail naming the factor.
 *
 * <p>The second steps take the user's id from the caller, which asks them only after this user's
 * password step answered {@link TwoFactorStep.State#CODE_SENT} or {@link TwoFactorStep.State#FACTOR_NEEDED}
 * in the same view: the password always comes first.
 */
@Stateless
public class IdentityProofs {

    /** The second factors a proof can use now, for the page to offer. */
    public record Factors(String maskedNumber, boolean app, boolean passkey, int recoveryCodesLeft) implements Serializable {
    }

    @Inject
    TwoFactor twoFactor;

    @Inject
    SecondFactorMethods methods;

    @Inject
    PasswordConfirmations passwordConfirmations;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    Verifications verifications;

    @Inject
    Authenticators authenticators;

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    Passkeys passkeys;

    @Inject
    SecurityEvents events;

    /**
     * The password; then, when 2FA is on and {@code deviceToken} marks no trusted device of this user,
     * the person's default method: a code goes to the number when that is it
     * ({@link TwoFactorStep.State#CODE_SENT}); otherwise nothing is sent and any factor may follow
     * ({@link TwoFactorStep.State#FACTOR_NEEDED}).
     */
    public TwoFactorStep start(UUID userId, String email, String password, String deviceToken, Locale language) {
        if (!passwordConfirmations.confirms(userId, email, password)) {
            return TwoFactorStep.wrongPassword();
        }
        if (!twoFactor.isEnabled(userId)) {
            return proven(userId, "password (2FA off)");
        }
        if (trustedDevices.isTrusted(userId, deviceToken)) {
            return proven(userId, "password on a trusted device");
        }
        Optional<SignInMethod> preferred = methods.defaultOf(userId);
        if (preferred.isEmpty()) {
            return twoFactor.secondFactorMissing(userId, "proving again who they are");
        }
        Optional<PhoneNumber> number = twoFactor.numberOf(userId);
        if (preferred.get() == SignInMethod.SMS && number.isPresent()) {
            return stepOf(verifications.start(userId, Purpose.REAUTHENTICATE, number.get(), language));
        }
        return TwoFactorStep.factorNeeded(number.map(PhoneNumber::masked).orElse(null));
    }

    /** What the proof's second step can offer this user. */
    public Factors factorsOf(UUID userId) {
        Set<SignInMethod> held = methods.of(userId);
        return new Factors(twoFactor.numberOf(userId).map(PhoneNumber::masked).orElse(null),
                held.contains(SignInMethod.APP), held.contains(SignInMethod.PASSKEY),
                held.isEmpty() ? 0 : recoveryCodes.summaryOf(userId).left());
    }

    /** "Send a code by text message" (or "Send a new code"): to the stored number only, within the cooldown and budgets. */
    public TwoFactorStep sendCode(UUID userId, Locale language) {
        Optional<PhoneNumber> number = twoFactor.numberOf(userId);
        if (number.isEmpty()) {
            return TwoFactorStep.refused(CodeProblem.NO_CHANNEL);
        }
        return stepOf(verifications.resend(userId, Purpose.REAUTHENTICATE, number.get(), language));
    }

    /** "Call me instead": the code read out in a call to the stored number, with the call's cooldown and the budgets. */
    public TwoFactorStep call(UUID userId, Locale language) {
        Optional<PhoneNumber> number = twoFactor.numberOf(userId);
        if (number.isEmpty()) {
            return TwoFactorStep.refused(CodeProblem.NO_CHANNEL);
        }
        return stepOf(verifications.call(userId, Purpose.REAUTHENTICATE, number.get(), language));
    }

    /** The code sent (or read out) to the number. */
    public TwoFactorStep confirmCode(UUID userId, UUID verificationId, String code) {
        CheckedCode checked = verifications.check(verificationId, userId, Purpose.REAUTHENTICATE, code);
        return checked.isConfirmed() ? proven(userId, "code to " + checked.provenNumber().masked())
                : TwoFactorStep.refused(checked.problem());
    }

    /** A code of the authenticator app: each step once, wrong ones counted towards the lock. */
    public TwoFactorStep confirmApp(UUID userId, String code) {
        return authenticators.accepts(userId, code) ? proven(userId, "authenticator app")
                : TwoFactorStep.refused(CodeProblem.WRONG_CODE);
    }

    /** A recovery code: spent when right, counted towards the lock when wrong. */
    public TwoFactorStep confirmRecoveryCode(UUID userId, String code) {
        Optional<Integer> left = recoveryCodes.redeem(userId, code);
        return left.isPresent() ? proven(userId, "recovery code (" + left.get() + " left)")
                : TwoFactorStep.refused(CodeProblem.WRONG_CODE);
    }

    /** A ceremony for "Use your passkey": the options allow this user's passkeys only. */
    public Ceremony startPasskey(UUID userId) {
        return passkeys.startSignIn(userId);
    }

    /** The browser's answer to {@code ceremony}; audited by {@link Passkeys#prove} either way. */
    public Passkeys.Assertion confirmPasskey(UUID userId, Ceremony ceremony, String response) {
        Passkeys.Assertion outcome = passkeys.prove(userId, ceremony, response);
        if (outcome == Passkeys.Assertion.SIGNED_IN) {
            verifications.cancelAll(userId, Purpose.REAUTHENTICATE);
        }
        return outcome;
    }

    private TwoFactorStep proven(UUID userId, String factor) {
        // A code still on its way for this proof is not needed any more.
        verifications.cancelAll(userId, Purpose.REAUTHENTICATE);
        events.fire(Kind.IDENTITY_PROVEN, userId, null, factor);
        return TwoFactorStep.done(Result.PROVEN);
    }

    private static TwoFactorStep stepOf(StartedVerification started) {
        return started.wasSent()
                ? TwoFactorStep.codeSent(started.verificationId(), started.maskedNumber())
                : TwoFactorStep.refused(started.problem());
    }
}
