package com.videoapi.portal.security.recovery.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A user's recovery codes as Security Settings shows them: whether a set was ever issued (and not
 * removed with 2FA), how many are unused, when the set was made and a code last used (null: never).
 */
public record RecoveryCodeSummary(boolean issued, int left, Instant issuedAt, Instant lastUsedAt) implements Serializable {

    /** Few enough left that the person should make a new set. */
    public boolean fewLeft() {
        return issued && left <= RecoveryCodes.FEW_LEFT;
    }
}
