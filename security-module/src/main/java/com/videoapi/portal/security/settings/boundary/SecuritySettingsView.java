package com.videoapi.portal.security.settings.boundary;

import com.videoapi.portal.security.audit.boundary.AuditLog;
import com.videoapi.portal.security.authenticator.boundary.AuthenticatorView;
import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passkeys.boundary.PasskeyView;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodeSummary;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceView;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStatus;

import java.time.Instant;
import java.util.List;

/**
 * Everything Security Settings shows of one user, read at one moment ({@link SecuritySettings#of}).
 *
 * @param status             whether 2FA is on, and the masked number
 * @param numberAddedAt      when 2FA (and with it the number) was switched on; null while off
 * @param numberLastUsedAt   when a texted code last signed in; null: never, or no number
 * @param app                the confirmed authenticator app, or null
 * @param passkeys           the passkeys, each a row of the list of methods
 * @param methods            the second factors held, in the order of {@link SignInMethod}
 * @param defaultMethod      the method a sign-in opens on, or null (2FA off)
 * @param recoveryCodes      how many recovery codes are left, and since when
 * @param trustedDevices     the active trusted devices, "this device" marked
 * @param events             the latest security events, newest first
 * @param emailVerified      whether the address the user signs in with is verified
 * @param passkeyRegistration a new ceremony for "Add a passkey or security key" while 2FA is on (it only
 *                           computes a challenge and the options), else null
 */
public record SecuritySettingsView(TwoFactorStatus status, Instant numberAddedAt, Instant numberLastUsedAt,
                                   AuthenticatorView app, List<PasskeyView> passkeys, List<SignInMethod> methods,
                                   SignInMethod defaultMethod, RecoveryCodeSummary recoveryCodes,
                                   List<TrustedDeviceView> trustedDevices, List<AuditLog.Entry> events,
                                   boolean emailVerified, Ceremony passkeyRegistration) {

    public SecuritySettingsView {
        passkeys = List.copyOf(passkeys);
        methods = List.copyOf(methods);
        trustedDevices = List.copyOf(trustedDevices);
        events = List.copyOf(events);
    }

    /** Whether there is a number for codes (2FA may stay on with the app or a passkey alone). */
    public boolean hasNumber() {
        return status.maskedNumber() != null;
    }
}
