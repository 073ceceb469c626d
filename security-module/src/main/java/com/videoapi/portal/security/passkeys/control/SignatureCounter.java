package com.videoapi.portal.security.passkeys.control;

/**
 * The signature counter rule of WebAuthn Level 2 (§6.1.1, step 21 of §7.2): an authenticator that
 * counts reports a greater number at each use; one that does not count reports zero every time. A
 * number not greater than the stored one means two authenticators share the key (a clone): refused.
 */
public final class SignatureCounter {

    private SignatureCounter() {
    }

    /**
     * Whether an assertion whose (already verified) signature counter is {@code presented} may sign
     * in, the passkey having reported {@code stored} before.
     */
    public static boolean accepts(long stored, long presented) {
        if (stored == 0 && presented == 0) {
            return true; // an authenticator without a counter (many passkeys synced across devices)
        }
        return presented > stored;
    }
}
