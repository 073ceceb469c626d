package com.videoapi.portal.security.passwordreset.boundary;

import java.io.Serializable;

/**
 * A reset link as its page first sees it: whether it can be used, and whether the second factor comes
 * first. Says nothing of whose link it is.
 *
 * @param secondFactor the user has 2FA on: a code (or a trusted device of this browser, or a recovery
 *                     code) before the new password
 * @param recoveryCodes whether a recovery code may stand in for the code (the person has unused recovery codes)
 * @param number whether a code can be sent at all (the number may have been removed while the app stays)
 * @param app whether the authenticator app's code may stand in for the texted one
 * @param passkey whether "Use your passkey" may stand in for it (the person added one)
 */
public record OpenedLink(LinkState state, boolean secondFactor, boolean recoveryCodes, boolean number, boolean app,
                         boolean passkey)
        implements Serializable {

    public boolean usable() {
        return state == LinkState.USABLE;
    }
}
