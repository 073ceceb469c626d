package com.videoapi.portal.security.settings.boundary;

import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.AuditLog;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.methods.boundary.SecondFactorMethods;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodes;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What Security Settings shows, read in one go: the page asks once a request
 * ({@code web.profile.ShownSettings}) instead of each form asking its boundary while the page is built
 * and drawn, each call a transaction of its own (issue 12: 22 % of the page's CPU, 18 transactions a
 * GET). Only reads, composed of the capabilities' own ({@link TwoFactor}, {@link SecondFactorMethods},
 * {@link Passkeys}, ...); the forms' actions still call their boundaries.
 * <p>
 * {@code REQUIRED}, not {@code SUPPORTS}: called without a transaction, each boundary below (all
 * {@code REQUIRED}) would start one of its own again; here they all join this one, and it writes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class SecuritySettings {

    /** The security events Security Settings lists. */
    public static final int EVENTS_SHOWN = 20;

    @Inject
    TwoFactor twoFactor;

    @Inject
    SecondFactorMethods methods;

    @Inject
    Authenticators authenticators;

    @Inject
    Passkeys passkeys;

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    AuditLog auditLog;

    @Inject
    Users users;

    /**
     * @param user         the signed-in person (the ceremony of a new passkey names them)
     * @param deviceCookie the trusted-device cookie of the request, or null: marks "this device"
     */
    public SecuritySettingsView of(UserProfile user, String deviceCookie) {
        UUID userId = user.userId();
        TwoFactorStatus status = twoFactor.statusOf(userId);
        boolean on = status.enabled();
        // While 2FA is off there are no methods, and the list that shows the number's dates is not drawn.
        Set<SignInMethod> held = on ? methods.of(userId) : Set.of();
        return new SecuritySettingsView(status,
                on ? twoFactor.enabledAt(userId).orElse(null) : null,
                status.maskedNumber() != null ? auditLog.lastTextedCodeSignIn(userId).orElse(null) : null,
                authenticators.of(userId).orElse(null),
                passkeys.of(userId),
                List.copyOf(held),
                on ? methods.defaultOf(userId, held).orElse(null) : null,
                recoveryCodes.summaryOf(userId),
                trustedDevices.of(userId, deviceCookie),
                auditLog.latestOf(userId, EVENTS_SHOWN),
                users.hasVerifiedEmail(userId),
                on ? passkeys.startRegistration(userId, user.email(), user.displayName()) : null);
    }
}
