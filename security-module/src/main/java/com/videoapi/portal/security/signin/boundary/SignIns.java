package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.methods.boundary.SecondFactorMethods;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodes;
import com.videoapi.portal.security.signin.boundary.SignInStep.CodeNeeded;
import com.videoapi.portal.security.signin.boundary.SignInStep.CodeRefused;
import com.videoapi.portal.security.signin.boundary.SignInStep.DeviceCookie;
import com.videoapi.portal.security.passwordreset.boundary.PasswordResets;
import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.signin.boundary.SignInStep.PasskeyOffered;
import com.videoapi.portal.security.signin.boundary.SignInStep.PasswordRefused;
import com.videoapi.portal.security.signin.boundary.SignInStep.PasswordResetDemanded;
import com.videoapi.portal.security.signin.boundary.SignInStep.SecondFactorMissing;
import com.videoapi.portal.security.signin.boundary.SignInStep.SignedIn;
import com.videoapi.portal.security.signin.boundary.SignInStep.StartAgain;
import com.videoapi.portal.security.signin.control.SignedInCaller;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.verification.boundary.CheckedCode;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.StartedVerification;
import com.videoapi.portal.security.verification.boundary.Verifications;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The two steps of a sign-in, each one transaction: the password (then the second factor, unless 2FA is
 * off or the browser is a trusted device of the user: the person's default method, {@link SecondFactorMethods}),
 * and the code or passkey. 2FA on without any second factor (no number, app or passkey) never means the
 * password alone: the sign-in is refused and the operator told (log at ERROR). {@link SignInMechanism} turns the
 * {@link SignInStep} into sessions, cookies and redirects; everything here is the account's side.
 *
 * <p>A sign-in carries the user's session epoch as it was before the password was checked, to the
 * end of its last step: a new password, 2FA switched on or off, or a new trusted device that
 * commits meanwhile moves the epoch on, and the sign-in cannot finish ({@link StartAgain}), however
 * its requests and the change interleave.
 */
@Stateless
public class SignIns {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Users users;

    @Inject
    TwoFactor twoFactor;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    Verifications verifications;

    @Inject
    Guards guards;

    @Inject
    PasswordResets passwordResets;

    @Inject
    Passkeys passkeys;

    @Inject
    SecurityEvents events;

    @Inject
    Authenticators authenticators;

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    SecondFactorMethods methods;

    @Inject
    Clock clock;

    /**
     * @param deviceCookie the browser's trusted-device cookie, or null
     * @param language     the person's language, for the text message with the code
     */
    public SignInStep passwordStep(UsernamePasswordCredential credential, String deviceCookie, Locale language) {
        // Read before the password hash is: a change that commits later leaves this sign-in behind
        // (its epoch is older); one that committed earlier changed the hash or the number it reads.
        long epoch = users.idOf(credential.getCaller()).map(guards::sessionEpoch).orElse(0L);
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return new PasswordRefused();
        }
        UUID userId = UUID.fromString(result.getCallerUniqueId());
        String callerName = result.getCallerPrincipal().getName();
        Set<String> groups = result.getCallerGroups();
        if (guards.sessionEpoch(userId) != epoch) {
            // Checked before a device token is spent or a code sent; a change after this still ends
            // the session, which carries the epoch read first.
            events.fire(Kind.SIGN_IN_PASSWORD_FAILED, userId, null, "refused: sessions ended while signing in");
            return new StartAgain();
        }
        if (passwordResets.isDemanded(userId)) {
            // The password is known to someone else: only a new one, chosen by e-mail, signs in.
            events.fire(Kind.SIGN_IN_PASSWORD_FAILED, userId, null, "refused: password reset demanded (\"This wasn't me\")");
            return new PasswordResetDemanded();
        }
        Optional<PhoneNumber> number = twoFactor.numberOf(userId);
        if (number.isEmpty() && !twoFactor.isEnabled(userId)) {
            return signedIn(userId, callerName, groups, epoch, "password", DeviceCookie.NONE);
        }
        if (deviceCookie != null) {
            TrustedDevices.Recognition device = trustedDevices.recognise(userId, deviceCookie);
            if (device.trusted()) {
                events.fire(Kind.SIGN_IN_TRUSTED_DEVICE, userId, null, device.detail());
                return signedIn(userId, callerName, groups, epoch, "password on a trusted device",
                        new DeviceCookie(device.rotatedCookieValue(), trustedDevices.trustPeriod()));
            }
        }
        Optional<SignInMethod> method = methods.defaultOf(userId);
        String masked = number.map(PhoneNumber::masked).orElse(null);
        if (method.isEmpty()) {
            // 2FA on and no second factor to ask for: an inconsistency only an operator can mend. Never password only.
            LOG.severe(() -> "Sign-in of user " + userId + " refused: two-factor authentication is on but no verified"
                    + " number is stored (nor an authenticator app or passkey). Check the account (JMX status), then"
                    + " resetTwoFactor once the person is identified.");
            events.fire(Kind.CODE_NOT_SENT, userId, null, "sign-in refused: 2FA on without a stored number");
            return new SecondFactorMissing();
        }
        switch (method.get()) {
            case PASSKEY -> {
                // No text message sent unless the person asks for one on the passkey page (and has a number).
                return new PasskeyOffered(new PendingSignIn(userId, callerName, groups, epoch, null, masked, null),
                        deviceCookie != null);
            }
            case APP -> {
                // The app opens the sign-in: no text message is sent unless asked for there.
                return new CodeNeeded(new PendingSignIn(userId, callerName, groups, epoch, null, masked, null),
                        deviceCookie != null, SignInMechanism.APP_PAGE);
            }
            default -> {
                StartedVerification started = verifications.start(userId, Purpose.SIGN_IN, number.orElseThrow(), language);
                return new CodeNeeded(new PendingSignIn(userId, callerName, groups, epoch, started.verificationId(),
                        started.maskedNumber(), started.problem()), deviceCookie != null);
            }
        }
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
        events.fire(Kind.SIGN_IN_CODE_SUCCEEDED, pending.userId(), pending.maskedNumber(), null);
        DeviceCookie cookie = DeviceCookie.NONE;
        long epoch = pending.epoch();
        if (trustThisDevice) {
            cookie = new DeviceCookie(trustedDevices.trust(pending.userId(), userAgent), trustedDevices.trustPeriod());
            epoch = guards.endSessions(pending.userId());
        }
        return signedIn(pending.userId(), pending.callerName(), pending.groups(), epoch, "password and code", cookie);
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
        events.fire(Kind.SIGN_IN_CODE_SUCCEEDED, userId, null, credential.factor().name());
        DeviceCookie cookie = DeviceCookie.NONE;
        long epoch = pending.epoch();
        if (credential.trustThisDevice()) {
            cookie = new DeviceCookie(trustedDevices.trust(userId, userAgent), trustedDevices.trustPeriod());
            epoch = guards.endSessions(userId);
        }
        return signedIn(userId, pending.callerName(), pending.groups(), epoch,
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
        return signedIn(pending.userId(), pending.callerName(), pending.groups(), pending.epoch(), "password and passkey",
                DeviceCookie.NONE);
    }

    private SignedIn signedIn(UUID userId, String callerName, Set<String> groups, long epoch, String how,
                              DeviceCookie cookie) {
        Instant now = clock.instant();
        SignedInCaller caller = new SignedInCaller(userId, callerName, groups, epoch, now, now,
                TrustedDevices.deviceIdOf(cookie.value()).orElse(null));
        events.fire(Kind.SIGNED_IN, userId, null, how);
        return new SignedIn(caller, cookie);
    }
}
