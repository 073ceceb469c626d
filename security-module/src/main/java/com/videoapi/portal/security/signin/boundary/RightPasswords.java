package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.methods.boundary.SecondFactorMethods;
import com.videoapi.portal.security.passwordreset.boundary.PasswordResets;
import com.videoapi.portal.security.signin.boundary.SignInStep.CodeNeeded;
import com.videoapi.portal.security.signin.boundary.SignInStep.DeviceCookie;
import com.videoapi.portal.security.signin.boundary.SignInStep.PasskeyOffered;
import com.videoapi.portal.security.signin.boundary.SignInStep.PasswordResetDemanded;
import com.videoapi.portal.security.signin.boundary.SignInStep.SecondFactorMissing;
import com.videoapi.portal.security.signin.boundary.SignInStep.SignedIn;
import com.videoapi.portal.security.signin.boundary.SignInStep.StartAgain;
import com.videoapi.portal.security.signin.control.AccountIdentityStore;
import com.videoapi.portal.security.signin.control.CheckedPassword;
import com.videoapi.portal.security.signin.control.PasswordAttempts;
import com.videoapi.portal.security.signin.control.SignedInCaller;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.StartedVerification;
import com.videoapi.portal.security.verification.boundary.Verifications;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What a right password leads to: the password step's second transaction ({@link SignIns#passwordStep}),
 * after the hash ({@link AccountIdentityStore#check}). It records the right password, compares the
 * session epoch read before the hash, and signs in, recognises a trusted device, or opens the person's
 * default second factor ({@link SecondFactorMethods}: a passkey, the app, or a code sent). Also the end of every sign-in ({@link #signedIn}).
 */
@Stateless
public class RightPasswords {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    PasswordAttempts attempts;

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
    SecurityEvents events;

    @Inject
    SecondFactorMethods methods;

    @Inject
    Clock clock;

    /**
     * @param checked      a right password ({@link CheckedPassword#right()})
     * @param deviceCookie the browser's trusted-device cookie, or null
     * @param language     the person's language, for the text message with the code
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SignInStep next(CheckedPassword checked, String deviceCookie, Locale language) {
        UUID userId = checked.userId();
        String callerName = checked.callerName();
        Set<String> groups = Set.of(AccountIdentityStore.USER_GROUP);
        long epoch = checked.epoch();
        // Takes the user's row lock first, as every change that ends sessions does: the epoch compared
        // next cannot move on before this transaction ends.
        attempts.right(checked);
        if (guards.sessionEpoch(userId) != epoch) {
            // Checked before a device token is spent or a code sent.
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
                events.fireWithChange(Kind.SIGN_IN_TRUSTED_DEVICE, userId, null, device.detail());
                return signedIn(userId, callerName, groups, epoch, "password on a trusted device",
                        new DeviceCookie(device.rotatedCookieValue(), trustedDevices.trustPeriod()));
            }
        }
        Set<SignInMethod> held = methods.of(userId);
        Optional<SignInMethod> method = methods.defaultOf(userId, held);
        String masked = number.map(PhoneNumber::masked).orElse(null);
        if (method.isEmpty()) {
            // 2FA on and no second factor to ask for: an inconsistency only an operator can mend. Never password only.
            LOG.severe(() -> "Sign-in of user " + userId + " refused: two-factor authentication is on but no verified"
                    + " number is stored (nor an authenticator app or passkey). Check the account (JMX status), then"
                    + " resetTwoFactor once the person is identified.");
            events.fire(Kind.CODE_NOT_SENT, userId, null, "sign-in refused: 2FA on without a stored number");
            return new SecondFactorMissing();
        }
        // What the code pages offer besides the code, read here once rather than at each drawing of a page.
        PendingSignIn.Offers offers = new PendingSignIn.Offers(held.contains(SignInMethod.APP),
                held.contains(SignInMethod.PASSKEY), trustedDevices.trustPeriod().toDays());
        switch (method.get()) {
            case PASSKEY -> {
                // No text message sent unless the person asks for one on the passkey page (and has a number).
                return new PasskeyOffered(new PendingSignIn(userId, callerName, groups, epoch, null, masked, null, offers),
                        deviceCookie != null);
            }
            case APP -> {
                // The app opens the sign-in: no text message is sent unless asked for there.
                return new CodeNeeded(new PendingSignIn(userId, callerName, groups, epoch, null, masked, null, offers),
                        deviceCookie != null, SignInMechanism.APP_PAGE);
            }
            default -> {
                StartedVerification started = verifications.start(userId, Purpose.SIGN_IN, number.orElseThrow(), language);
                return new CodeNeeded(new PendingSignIn(userId, callerName, groups, epoch, started.verificationId(),
                        started.maskedNumber(), started.problem(), offers), deviceCookie != null);
            }
        }
    }

    /** Signed in: the caller the session carries from now on, audited with the caller's transaction. */
    public SignedIn signedIn(UUID userId, String callerName, Set<String> groups, long epoch, String how,
                             DeviceCookie cookie) {
        Instant now = clock.instant();
        SignedInCaller caller = new SignedInCaller(userId, callerName, groups, epoch, now, now,
                TrustedDeviceCookie.deviceIdOf(cookie.value()).orElse(null));
        events.fireWithChange(Kind.SIGNED_IN, userId, null, how);
        return new SignedIn(caller, cookie);
    }
}
