package com.videoapi.portal.web.signin;

import com.videoapi.portal.security.guards.boundary.Throttled;
import com.videoapi.portal.security.signin.boundary.PasswordCredential;
import com.videoapi.portal.security.signin.boundary.SignInMechanism;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The sign-in form. It hands the e-mail address and password to the product's authentication
 * mechanism through {@link SecurityContext#authenticate}; it checks nothing itself.
 */
@Named("signIn")
@RequestScoped
public class SignInPage {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private String email;
    private String password;

    /** A person who is signed in already has no business on the sign-in page. */
    public String redirectIfSignedIn() {
        // Not getCallerPrincipal() != null: WildFly reports an "anonymous" principal before sign-in.
        return securityContext.isCallerInRole(SignInMechanism.USER_ROLE) ? "/home.xhtml?faces-redirect=true" : null;
    }

    public void signIn() throws IOException {
        if (!signIn(faces, securityContext, email, password)) {
            if (Boolean.TRUE.equals(faces.getExternalContext().getRequestMap().get(SignInMechanism.SECOND_FACTOR_MISSING))) {
                // Only after the right password: it tells nothing to someone who does not know it.
                Messages.error(null, Words.of("signin.secondFactorMissing"));
                return;
            }
            if (Boolean.TRUE.equals(faces.getExternalContext().getRequestMap().get(SignInMechanism.PASSWORD_RESET_DEMANDED))) {
                // Only after the right password, too: "This wasn't me" demanded a new one by e-mail.
                Messages.error(null, Words.of("signin.passwordResetDemanded"));
                return;
            }
            // The same words for an unknown address and a wrong password: neither may be told apart.
            // Only the right password meets a change made meanwhile, so saying so tells nothing new.
            boolean startAgain = faces.getExternalContext().getRequestMap().get(SignInMechanism.START_AGAIN) != null;
            Messages.error(null, Words.of(startAgain ? "signin.startAgain" : "signin.refused"));
        }
    }

    /**
     * Asks the mechanism to sign in; on success the person is sent to the account home.
     *
     * @return false when the credentials were refused (no response has been sent then)
     * @throws Throttled when the mechanism refused before checking anything (too many from this
     *                   address, or the server too busy): the web module's filter answers 429 or 503
     */
    public static boolean signIn(FacesContext faces, SecurityContext securityContext, String email, String password)
            throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new PasswordCredential(email, password, faces.getViewRoot().getLocale()))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                // To "/", the address people bookmark, which no Faces outcome names (it is the welcome file's).
                external.redirect(external.getRequestContextPath() + "/");
                return true;
            }
            case SEND_CONTINUE -> {
                // The mechanism has answered already (a redirect to the next step).
                faces.responseComplete();
                return true;
            }
            default -> {
                if (external.getRequestMap().get(SignInMechanism.THROTTLED) instanceof Throttled throttled) {
                    throw throttled;
                }
                return false;
            }
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
