package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodes;
import com.videoapi.portal.security.signin.boundary.SignInStep.CodeRefused;
import com.videoapi.portal.security.signin.boundary.SignInStep.DeviceCookie;
import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.signin.boundary.SignInStep.PasswordRefused;
import com.videoapi.portal.security.signin.boundary.SignInStep.StartAgain;
import com.videoapi.portal.security.signin.control.AccountIdentityStore;
import com.videoapi.portal.security.signin.control.CheckedPassword;
import com.videoapi.portal.security.signin.control.SignedInCaller;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.verification.boundary.CheckedCode;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.Verifications;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import java.util.Locale;
import java.util.UUID;

/**
 * The steps of a sign-in: the password (then the second factor, unless 2FA is off or the browser is a
 * trusted device of the user: the person's default method, chosen in {@code RightPasswords}), and the
 * code or passkey. The password step runs two short transactions with the hash outside them; each later
 * step is one transaction. 2FA on without any second factor (no number, app or passkey) never means the
 * password alone: the sign-in is refused and the operator told (log at ERROR). {@link SignInMechanism}
 * turns the {@link SignInStep} into sessions, cookies and redirects; everything here is the account's side.
 *
 * <p>A sign-in carries the user's session epoch as it was before the password was checked, to the
 * end of its last step: a new password, 2FA switched on or off, or a new trusted device that
 * commits meanwhile moves the epoch on, and the sign-in cannot finish ({@link StartAgain}), however
 * its requests and the change interleave.
 */
@Stateless
public class SignIns {

    @Inject
    AccountIdentityStore identityStore;

    @Inject
    RightPasswords rightPasswords;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    Verifications verifications;

    @Inject
    Guards guards;

    @Inject
    Passkeys passkeys;

    @Inject
    SecurityEvents events;

    @Inject
    Authenticators authenticators;

    @Inject
    RecoveryCodes recoveryCodes;

    /**
     * The password, in two short transactions with the hash between them, outside any: the first
     * counts the attempt and reads what the hash needs ({@link AccountIdentityStore#check}), the
     * second records a right password and goes on ({@link RightPasswords#next}). No database
     * connection waits on the CPU, nor on a hashing slot.
     *
     * @param deviceCookie the browser's trusted-device cookie, or null
     * @param language     the person's language, for the text message with the code
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SignInStep passwordStep(UsernamePasswordCredential credential, String deviceCookie, Locale language) {
        CheckedPassword checked = identityStore.check(credential);
        if (!checked.right()) {
            return new PasswordRefused();
        }
        return rightPasswords.next(checked, deviceCookie, language);
    }

    /**
     * Whether a signed-in session may go on, on a protected request ({@link SignInMechanism}): the user's
     * session epoch has not moved on, and the trusted device it signed in from, if any, is not revoked.
     * Both read in one transaction rather than one each.
     */
    public boolean stillSignedIn(SignedInCaller caller) {
        return guards.sessionEpoch(caller.userId()) == caller.epoch()
                && (caller.deviceId() == null || trustedDevices.stillTrusted(caller.deviceId()));
    }

    /**
     * The code for a pending sign-in. The right one signs in and, when asked, trusts this browser: a
     * new way in, so every other session of the user ends.
     */
    public SignInStep codeStep(PendingSignIn pending, String code, boolean trustThisDevice, String userAgent) {
        // Under the user's row lock, which every change that ends sessions takes too: the epoch
        // cannot move on between this comparison and the end of the step.
        guards.exclusive(pending.userId());
        if (guards.sessionEpoch(pending.userId()) != pending.epoch()) {
            verifications.cancelAll(pending.userId(), Purpose.SIGN_IN);
            events.fire(Kind.SIGN_IN_CODE_FAILED, pending.userId(), pending.maskedNumber(),
                    "refused: sessions ended while signing in");
            return new StartAgain();
        }
        CheckedCode checked = verifications.check(pending.verificationId(), pending.userId(), Purpose.SIGN_IN, code);
        if (!checked.isConfirmed()) {
            events.fire(Kind.SIGN_IN_CODE_FAILED, pending.userId(), pending.maskedNumber(), checked.problem().name());
            return new CodeRefused(checked.problem());
        }
        events.fireWithChange(Kind.SIGN_IN_CODE_SUCCEEDED, pending.userId(), pending.maskedNumber(), null);
        DeviceCookie cookie = DeviceCookie.NONE;
        long epoch = pending.epoch();
        if (trustThisDevice) {
            cookie = new DeviceCookie(trustedDevices.trust(pending.userId(), userAgent), trustedDevices.trustPeriod());
            epoch = guards.endSessions(pending.userId());
        }
        return rightPasswords.signedIn(pending.userId(), pending.callerName(), pending.groups(), epoch, "password and code", cookie);
    }

    /**
     * The code step with another second factor: a code of the authenticator app, or a recovery code
     * (spent if right). Counted towards the same lock as texted codes; right, it ends the texted code
     * too, and signs in as {@link #codeStep} does.
     */
    public SignInStep otherFactorStep(PendingSignIn pending, OtherFactorCredential credential, String userAgent) {
        UUID userId = pending.userId();
        guards.exclusive(userId);
        if (guards.sessionEpoch(userId) != pending.epoch()) {
            verifications.cancelAll(userId, Purpose.SIGN_IN);
            events.fire(Kind.SIGN_IN_CODE_FAILED, userId, null, "refused: sessions ended while signing in");
            return new StartAgain();
        }
        boolean right = credential.factor() == OtherFactorCredential.Factor.AUTHENTICATOR_APP
                ? authenticators.accepts(userId, credential.code())
                : recoveryCodes.redeem(userId, credential.code()).isPresent();
        if (!right) {
            events.fire(Kind.SIGN_IN_CODE_FAILED, userId, null, credential.factor().name());
            return new CodeRefused(CodeProblem.WRONG_CODE);
        }
        verifications.cancelAll(userId, Purpose.SIGN_IN);
        events.fireWithChange(Kind.SIGN_IN_CODE_SUCCEEDED, userId, null, credential.factor().name());
        DeviceCookie cookie = DeviceCookie.NONE;
        long epoch = pending.epoch();
        if (credential.trustThisDevice()) {
            cookie = new DeviceCookie(trustedDevices.trust(userId, userAgent), trustedDevices.trustPeriod());
            epoch = guards.endSessions(userId);
        }
        return rightPasswords.signedIn(userId, pending.callerName(), pending.groups(), epoch,
                credential.factor() == OtherFactorCredential.Factor.AUTHENTICATOR_APP ? "password and app" : "password and recovery code",
                cookie);
    }

    /**
     * The passkey for a pending sign-in: the browser's answer to {@code ceremony}, the challenge this
     * session was given. The right one signs in; every refusal is audited by {@link Passkeys}.
     */
    public SignInStep passkeyStep(PendingSignIn pending, Ceremony ceremony, String response) {
        guards.exclusive(pending.userId());
        if (guards.sessionEpoch(pending.userId()) != pending.epoch()) {
            events.fire(Kind.SIGN_IN_PASSKEY_FAILED, pending.userId(), null, "refused: sessions ended while signing in");
            return new StartAgain();
        }
        Passkeys.Assertion outcome = passkeys.signIn(pending.userId(), ceremony, response);
        if (outcome != Passkeys.Assertion.SIGNED_IN) {
            return new SignInStep.PasskeyRefused(outcome);
        }
        // The sign-in may have asked for a code meanwhile ("Send a code instead"): not needed any more.
        verifications.cancelAll(pending.userId(), Purpose.SIGN_IN);
        return rightPasswords.signedIn(pending.userId(), pending.callerName(), pending.groups(), pending.epoch(), "password and passkey",
                DeviceCookie.NONE);
    }
}
