package com.videoapi.portal.web.methods;

import com.videoapi.portal.security.recovery.boundary.RecoveryCodeSummary;
import com.videoapi.portal.security.recovery.boundary.RecoveryCodes;
import com.videoapi.portal.web.home.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page after a sign-in with a recovery code says how many are left, and suggests new ones when
 * few are. The count is read from the database; the address only says to show it.
 */
@Named("recoveryCodesLeft")
@RequestScoped
public class RecoveryCodesLeft {

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    CurrentUser currentUser;

    private RecoveryCodeSummary summary;

    public RecoveryCodeSummary getSummary() {
        if (summary == null) {
            summary = recoveryCodes.summaryOf(currentUser.getProfile().userId());
        }
        return summary;
    }
}
