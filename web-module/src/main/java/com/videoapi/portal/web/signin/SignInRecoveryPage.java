package com.videoapi.portal.web.signin;

import com.videoapi.portal.security.signin.boundary.OtherFactorCredential.Factor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The code step with a recovery code ({@code signin-recovery.xhtml}); the page after it says how
 * many codes are left ({@code RecoveryCodesLeft}).
 */
@Named("signInRecovery")
@RequestScoped
public class SignInRecoveryPage extends OtherFactorPage {

    /** The home page's parameter that has it say how many recovery codes are left. */
    public static final String USED = "recovery-code-used";

    @Override
    Factor factor() {
        return Factor.RECOVERY_CODE;
    }

    @Override
    String afterSignIn() {
        return "/?" + USED + "=true";
    }
}
