package com.videoapi.portal.security.audit.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an account's security, fired as a CDI event by whoever made it happen
 * and observed by the audit trail and the metrics. Never carries a code, a password, a token or a
 * session id; a phone number only masked.
 *
 * @param userId       the user concerned, or null when unknown (e.g. a sign-in with an unknown address)
 * @param maskedNumber the masked phone number involved, or null
 * @param ip           the client's address as the server saw it (not X-Forwarded-For), or null
 * @param userAgent    the browser's User-Agent header, or null
 * @param detail       a short note for people reading the trail (an outcome, a reason, who acted), or null
 */
public record SecurityEvent(Instant at, Kind kind, UUID userId, String maskedNumber, String ip, String userAgent,
                            String detail) implements Serializable {

    /** What happened. The names are stable: the audit table and the metrics use them. */
    public enum Kind {
        SIGN_IN_PASSWORD_SUCCEEDED,
        SIGN_IN_PASSWORD_FAILED,
        SIGN_IN_CODE_SUCCEEDED,
        SIGN_IN_CODE_FAILED,
        SIGN_IN_TRUSTED_DEVICE,
        SIGNED_IN,
        SIGNED_OUT,
        CODE_SENT,
        CODE_NOT_SENT,
        CODE_FAILED,
        LOCKED,
        UNLOCKED,
        TWO_FACTOR_ENABLED,
        TWO_FACTOR_DISABLED,
        TWO_FACTOR_RESET,
        NUMBER_CHANGED,
        DEVICE_TRUSTED,
        DEVICE_REVOKED,
        PASSWORD_CHANGED,
        /** The stored password hash renewed with the configured PBKDF2 iterations, at a sign-in. */
        PASSWORD_REHASHED,

        /** An operator looked at the user's 2FA status in the console. */
        STATUS_VIEWED,

        // E-mail (issue 10: verified addresses, the Outbox)
        /** The user followed the link to their address: it is verified. */
        EMAIL_VERIFIED,
        /** The user's sign-in address changed (the link to the new one was followed). */
        EMAIL_CHANGED,
        /** A mail went to the SMTP server; the detail names its kind and the masked address. */
        MAIL_SENT,
        /** A mail given up after its retries; the detail names its kind, the masked address and why. */
        MAIL_FAILED,

        // Issue 10, forgot password and security notices
        /** A "Forgot password?" link was mailed to the user. */
        PASSWORD_RESET_REQUESTED,
        /** A new password chosen through a mailed link. */
        PASSWORD_RESET,
        /** "This wasn't me": sessions ended, devices revoked, a password reset demanded, weakened 2FA restored. */
        ACCOUNT_SECURED,

        // Issue 11: recovery codes and the authenticator app.
        /** A new set of recovery codes was made; the earlier set stopped working. */
        RECOVERY_CODES_GENERATED,
        /** A recovery code signed in (and is spent). */
        RECOVERY_CODE_USED,
        /** The person removed their recovery codes in Security Settings. */
        RECOVERY_CODES_REMOVED,
        AUTHENTICATOR_ADDED,
        AUTHENTICATOR_REMOVED,

        /** Passkeys: one added or removed; a sign-in with one, or one refused (the detail says why). */
        PASSKEY_ADDED,
        PASSKEY_REMOVED,
        SIGN_IN_PASSKEY_SUCCEEDED,
        SIGN_IN_PASSKEY_FAILED,

        // Issue 11, one place for all methods
        /** A fresh proof of identity before a sensitive change; the detail names the factor used. */
        IDENTITY_PROVEN,
        /** A passkey refused in a fresh proof (wrong codes there are CODE_FAILED, as at sign-in). */
        IDENTITY_PROOF_FAILED,
        /** The phone number removed while another second factor stays: no codes by text message any more. */
        NUMBER_REMOVED
    }
}
