package com.videoapi.portal.security.methods.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.authenticator.boundary.AuthenticatorView;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A user's second factors as one set: the phone number, the authenticator app, the passkeys. Which
 * of them a sign-in (and a fresh proof) opens on, and removing one of them.
 *
 * <ul>
 *   <li>The default: the one the person chose while they still have it; else the earlier rule (a
 *       passkey first when there is one, else the app when it was preferred, else a text message),
 *       else whatever is left.</li>
 *   <li>Removing one while another stays keeps 2FA on; removing the last one is switching 2FA off, with
 *       its rules (the recovery codes and trusted devices go with it). Recovery codes and trusted devices
 *       are ways back in, not factors of their own: they never keep 2FA on alone.</li>
 * </ul>
 * The caller has checked a fresh proof of identity before any removal. Each runs under the user's
 * guard row, so two removals racing cannot both find "another one left" and leave nothing.
 */
@Stateless
public class SecondFactorMethods {

    @Inject
    TwoFactor twoFactor;

    @Inject
    Authenticators authenticators;

    @Inject
    Passkeys passkeys;

    @Inject
    Guards guards;

    /** The methods this user has now: empty while 2FA is off. */
    public Set<SignInMethod> of(UUID userId) {
        Set<SignInMethod> held = EnumSet.noneOf(SignInMethod.class);
        if (!twoFactor.isEnabled(userId)) {
            return held;
        }
        if (twoFactor.numberOf(userId).isPresent()) {
            held.add(SignInMethod.SMS);
        }
        if (authenticators.of(userId).isPresent()) {
            held.add(SignInMethod.APP);
        }
        if (passkeys.any(userId)) {
            held.add(SignInMethod.PASSKEY);
        }
        return held;
    }

    /** The method a sign-in or a fresh proof opens on; empty when the user has none (2FA off, or the inconsistency). */
    public Optional<SignInMethod> defaultOf(UUID userId) {
        return defaultOf(userId, of(userId));
    }

    /** {@link #defaultOf(UUID)} among the methods the caller read already ({@link #of}): not read twice. */
    public Optional<SignInMethod> defaultOf(UUID userId, Set<SignInMethod> held) {
        Optional<SignInMethod> chosen = twoFactor.chosenMethod(userId).filter(held::contains);
        if (chosen.isPresent()) {
            return chosen;
        }
        if (held.contains(SignInMethod.PASSKEY)) {
            return Optional.of(SignInMethod.PASSKEY);
        }
        if (held.contains(SignInMethod.APP) && (authenticators.opensSignIn(userId) || !held.contains(SignInMethod.SMS))) {
            return Optional.of(SignInMethod.APP);
        }
        return held.stream().findFirst();
    }

    /** Chooses the default method; false when the user does not have it. */
    public boolean choose(UUID userId, SignInMethod method) {
        guards.exclusive(userId);
        if (!of(userId).contains(method)) {
            return false;
        }
        twoFactor.choose(userId, method);
        // The app's own flag, which older sign-ins read, says the same.
        authenticators.prefer(userId, method == SignInMethod.APP);
        return true;
    }

    /** What came of a "Remove". */
    public enum Removal {
        /** Removed; 2FA stays on with the methods left. */
        REMOVED,
        /** It was the last second factor: 2FA is off now, with everything that goes with it. */
        TWO_FACTOR_OFF,
        /** Nothing to remove (removed meanwhile, or not this user's). */
        NONE
    }

    /** Removes the phone number: no codes by text message or call any more. */
    public Removal removeNumber(UUID userId) {
        guards.exclusive(userId);
        Set<SignInMethod> held = of(userId);
        if (!held.contains(SignInMethod.SMS)) {
            return Removal.NONE;
        }
        if (held.size() == 1) {
            return lastOne(userId, "the phone number, the last second factor, removed");
        }
        return twoFactor.removeNumber(userId) ? Removal.REMOVED : Removal.NONE;
    }

    /** Removes the authenticator app. */
    public Removal removeApp(UUID userId) {
        guards.exclusive(userId);
        Set<SignInMethod> held = of(userId);
        if (!held.contains(SignInMethod.APP)) {
            return Removal.NONE;
        }
        if (held.size() == 1) {
            return lastOne(userId, "the authenticator app, the last second factor, removed");
        }
        return authenticators.remove(userId, "removed in Security Settings") ? Removal.REMOVED : Removal.NONE;
    }

    /** Removes one passkey of this user. */
    public Removal removePasskey(UUID userId, UUID passkeyId) {
        guards.exclusive(userId);
        Set<SignInMethod> held = of(userId);
        boolean ours = passkeys.of(userId).stream().anyMatch(p -> p.id().equals(passkeyId));
        if (!ours) {
            return Removal.NONE;
        }
        if (held.size() == 1 && passkeys.of(userId).size() == 1) {
            return lastOne(userId, "the last passkey, the last second factor, removed");
        }
        return passkeys.remove(userId, passkeyId) ? Removal.REMOVED : Removal.NONE;
    }

    /** The number codes go to, when there is one. */
    public Optional<PhoneNumber> numberOf(UUID userId) {
        return twoFactor.numberOf(userId);
    }

    /** The confirmed app, when there is one. */
    public Optional<AuthenticatorView> appOf(UUID userId) {
        return authenticators.of(userId);
    }

    private Removal lastOne(UUID userId, String how) {
        twoFactor.switchOff(userId, how);
        return Removal.TWO_FACTOR_OFF;
    }
}
