package com.videoapi.portal.web.signin;

import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.signin.boundary.PasskeyCredential;
import com.videoapi.portal.security.signin.boundary.PendingSignIn;
import com.videoapi.portal.security.signin.boundary.SecondStep;
import com.videoapi.portal.security.signin.boundary.SignInMechanism;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The passkey step of a sign-in, where it opens when the person has a passkey: "Use your passkey"
 * hands the browser's answer to the authentication mechanism, which alone decides; "Send a code by
 * text message instead" goes to the code page. Reachable only half-way through a sign-in.
 */
@Named("signInPasskey")
@RequestScoped
public class SignInPasskeyPage {

    private static final String SIGN_IN_PAGE = "/signin?faces-redirect=true";
    private static final String CODE_PAGE = "/signin-code?faces-redirect=true";

    @Inject
    SecondStep secondStep;

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private String response;
    private String options;

    public String requirePendingSignIn() {
        return secondStep.pending(request()).isEmpty() ? SIGN_IN_PAGE : null;
    }

    public void use() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(request(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new PasskeyCredential(response)));
        response = null;
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/");
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (request().getAttribute(SignInMechanism.START_AGAIN) != null) {
                    external.redirect(external.getRequestContextPath() + "/signin.xhtml?start-again=true");
                    return;
                }
                Object problem = request().getAttribute(SignInMechanism.PASSKEY_PROBLEM);
                Messages.error(null, problem instanceof Passkeys.Assertion outcome ? Words.of(outcome)
                        : Words.of("passkeySignIn.startAgain"));
            }
        }
    }

    /** A code by text message instead: sent now (the passkey was offered first, so none was). */
    public String sendCode() {
        PendingSignIn pending = secondStep.sendNewCode(request(), faces.getViewRoot().getLocale()).orElse(null);
        // The code page says where the code went, or why none could be sent.
        return pending == null ? SIGN_IN_PAGE : CODE_PAGE;
    }

    /** "Use your authenticator app" where the user has one. */
    public boolean isAppOffered() {
        return secondStep.hasAuthenticator(request());
    }

    /** "Send a code by text message instead" only while the user has a number. */
    public boolean isNumberOffered() {
        return secondStep.hasNumber(request());
    }

    public String cancel() {
        secondStep.abandon(request());
        return SIGN_IN_PAGE;
    }

    /** This sign-in's ceremony options, begun once when the page is drawn (a new challenge each time). */
    public String getOptions() {
        if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return "";
        }
        if (options == null) {
            options = secondStep.passkeyCeremony(request()).orElse("");
        }
        return options;
    }

    public String getResponse() {
        return response;
    }

    public void setResponse(String response) {
        this.response = response;
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }
}
