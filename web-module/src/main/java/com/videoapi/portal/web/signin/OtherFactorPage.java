package com.videoapi.portal.web.signin;

import com.videoapi.portal.security.signin.boundary.OtherFactorCredential;
import com.videoapi.portal.security.signin.boundary.OtherFactorCredential.Factor;
import com.videoapi.portal.security.signin.boundary.SecondStep;
import com.videoapi.portal.security.signin.boundary.SignInMechanism;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The code step with another second factor than a texted code ({@link SignInAppPage},
 * {@link SignInRecoveryPage}): the code goes to the authentication mechanism, which alone decides;
 * "Try another way" leads to the other methods. Reachable only by a session whose password step is done.
 */
abstract class OtherFactorPage {

    private static final String SIGN_IN_PAGE = "/signin?faces-redirect=true";

    @Inject
    SecondStep secondStep;

    @Inject
    SecurityContext securityContext;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    FacesContext faces;

    private String code;
    private boolean trustThisDevice;

    abstract Factor factor();

    /** Where the browser goes once signed in. */
    abstract String afterSignIn();

    /** Nobody half-way through a sign-in has no business here. */
    public String requirePendingSignIn() {
        return secondStep.pending(request()).isEmpty() ? SIGN_IN_PAGE : null;
    }

    public void verify() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(request(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new OtherFactorCredential(factor(), code, trustThisDevice)));
        code = null;
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + afterSignIn());
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (request().getAttribute(SignInMechanism.START_AGAIN) != null) {
                    external.redirect(external.getRequestContextPath() + "/signin.xhtml?start-again=true");
                    return;
                }
                Messages.error(null, Words.of(factor() == Factor.RECOVERY_CODE ? "recovery.wrongCode" : "authenticator.wrongCode"));
            }
        }
    }

    /** "Text me a code": one is sent to the stored number, and the texted code's page takes over. */
    public String textMeACode() {
        if (secondStep.sendNewCode(request(), faces.getViewRoot().getLocale()).isEmpty()) {
            return SIGN_IN_PAGE;
        }
        // The code page says where it went, or why it could not be sent (and offers "Send a new code").
        return "/signin-code?faces-redirect=true";
    }

    public String cancel() {
        secondStep.abandon(request());
        return SIGN_IN_PAGE;
    }

    /** "Text me a code" only while the user has a number (it may have been removed for the app or a passkey). */
    public boolean isNumberOffered() {
        return secondStep.hasNumber(request());
    }

    public boolean isAppOffered() {
        return secondStep.hasAuthenticator(request());
    }

    public long getTrustDays() {
        return trustedDevices.trustPeriod().toDays();
    }

    HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isTrustThisDevice() {
        return trustThisDevice;
    }

    public void setTrustThisDevice(boolean trustThisDevice) {
        this.trustThisDevice = trustThisDevice;
    }
}
