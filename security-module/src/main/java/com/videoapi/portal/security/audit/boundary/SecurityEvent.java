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

        /** Passkeys: one added or removed; a sign-in with one, or one refused (the detail says why). */
        PASSKEY_ADDED,
        PASSKEY_REMOVED,
        SIGN_IN_PASSKEY_SUCCEEDED,
        SIGN_IN_PASSKEY_FAILED
    }
}
