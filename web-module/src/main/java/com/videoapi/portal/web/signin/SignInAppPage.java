package com.videoapi.portal.web.signin;

import com.videoapi.portal.security.signin.boundary.OtherFactorCredential.Factor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The code step with the authenticator app ({@code signin-app.xhtml}). */
@Named("signInApp")
@RequestScoped
public class SignInAppPage extends OtherFactorPage {

    @Override
    Factor factor() {
        return Factor.AUTHENTICATOR_APP;
    }

    @Override
    String afterSignIn() {
        return "/";
    }
}
