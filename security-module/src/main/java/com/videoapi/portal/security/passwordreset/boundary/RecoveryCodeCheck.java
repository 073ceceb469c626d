package com.videoapi.portal.security.passwordreset.boundary;

import java.util.UUID;

/**
 * The seam for recovery codes (issue 11, built beside this): when a bean of this type exists, a
 * password reset with 2FA on offers "Use a recovery code" as its second factor, in place of a code
 * to the phone. Until then nothing implements it and the page does not offer it.
 *
 * <p>The recovery capability implements it with a one-line adapter over its boundary (with issue 11's
 * {@code RecoveryCodes}: {@code return recoveryCodes.redeem(userId, code).isPresent();}); spending the
 * code, its single use, the code lock and its audit event ({@code RECOVERY_CODE_USED}) are its business.
 */
public interface RecoveryCodeCheck {

    /**
     * @return true when {@code code} is an unused recovery code of the user, now spent
     */
    boolean spend(UUID userId, String code);
}
