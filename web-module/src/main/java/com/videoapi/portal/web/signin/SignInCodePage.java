package com.videoapi.portal.web.signin;

import com.videoapi.portal.security.signin.boundary.PendingSignIn;
import com.videoapi.portal.security.signin.boundary.SecondFactorCredential;
import com.videoapi.portal.security.signin.boundary.SecondStep;
import com.videoapi.portal.security.signin.boundary.SignInMechanism;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
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
 * The code step of a sign-in: the code goes to the authentication mechanism, which alone decides.
 * Reachable only by a session whose password step is done.
 */
@Named("signInCode")
@RequestScoped
public class SignInCodePage {

    private static final String SIGN_IN_PAGE = "/signin?faces-redirect=true";

    @Inject
    SecondStep secondStep;

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private String code;
    private boolean trustThisDevice;
    private boolean offerNewCode;
    private Long waitSeconds;
    private boolean calling;

    /** Nobody half-way through a sign-in has no business here. */
    public String requirePendingSignIn() {
        PendingSignIn pending = secondStep.pending(request()).orElse(null);
        if (pending == null) {
            return SIGN_IN_PAGE;
        }
        if (!pending.codeWasSent() && pending.problem() == null && !faces.isPostback() && secondStep.hasPasskey(request())) {
            return "/signin-passkey?faces-redirect=true"; // offered a passkey, and no code asked for yet
        }
        // No code sent and no problem: the sign-in opened on another method, and "Send a new code" sends the first.
        if (!pending.codeWasSent() && pending.problem() != null && !faces.isPostback()) {
            Messages.error(null, Words.of(pending.problem()));
            offerNewCode = true;
        }
        return null;
    }

    public void verify() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(request(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new SecondFactorCredential(code, trustThisDevice)));
        switch (status) {
            // To "/", the address people bookmark, which no Faces outcome names (it is the welcome file's).
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/");
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (request().getAttribute(SignInMechanism.START_AGAIN) != null) {
                    // The pending sign-in is gone: back to the password, saying why.
                    external.redirect(external.getRequestContextPath() + "/signin.xhtml?start-again=true");
                    return;
                }
                CodeProblem problem = (CodeProblem) request().getAttribute(SignInMechanism.CODE_PROBLEM);
                CodeProblem shown = problem == null ? CodeProblem.WRONG_CODE : problem;
                Messages.error(null, Words.of(shown));
                offerNewCode = shown == CodeProblem.EXPIRED;
                code = null;
            }
        }
    }

    public String sendNewCode() {
        PendingSignIn pending = secondStep.sendNewCode(request(), faces.getViewRoot().getLocale()).orElse(null);
        if (pending == null) {
            return SIGN_IN_PAGE;
        }
        if (pending.codeWasSent()) {
            Messages.info(Words.of("code.newCodeSent", pending.maskedNumber()));
        } else {
            Messages.error(null, Words.of(pending.problem()));
            offerNewCode = true;
        }
        return null;
    }

    /** "Call me instead": the stored number is called and the code read out. */
    public String callMe() {
        PendingSignIn pending = secondStep.callInstead(request(), faces.getViewRoot().getLocale()).orElse(null);
        if (pending == null) {
            return SIGN_IN_PAGE;
        }
        if (pending.problem() == null) {
            calling = true;
        } else {
            Messages.error(null, Words.of(pending.problem()));
            offerNewCode = !pending.codeWasSent();
        }
        return null;
    }

    /** Whether this page's answer is to "Call me instead": it then says who is being called. */
    public boolean isCalling() {
        return calling;
    }

    public String cancel() {
        secondStep.abandon(request());
        return SIGN_IN_PAGE;
    }

    public String getMaskedNumber() {
        return secondStep.pending(request()).map(PendingSignIn::maskedNumber).orElse("");
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    /** For the countdown next to "Send a new code"; null (no attribute) when it may be pressed now. */
    public Long getWaitSeconds() {
        if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return null; // asked by "rendered" while decoding too; what counts is after this request's action
        }
        if (waitSeconds == null) {
            // Read once, when the page is drawn: the page asks three times, each a database query.
            waitSeconds = secondStep.secondsUntilNewCode(request());
        }
        return waitSeconds > 0 ? waitSeconds : null;
    }

    /** Whether to offer the authenticator app as another way (issue 11). */
    public boolean isAppOffered() {
        return secondStep.hasAuthenticator(request());
    }

    /** Whether to offer a passkey as another way: the person chose text messages as the default, but has one. */
    public boolean isPasskeyOffered() {
        return secondStep.hasPasskey(request());
    }

    /** The offers below come with the pending sign-in ({@code PendingSignIn.Offers}): no database read per drawing. */
    public long getTrustDays() {
        return secondStep.trustDays(request());
    }

    public boolean isOfferNewCode() {
        return offerNewCode;
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
