package com.videoapi.portal.web.addresses;

import com.videoapi.portal.security.addresses.boundary.AddressVerifications;
import com.videoapi.portal.security.addresses.boundary.AddressVerifications.Followed;
import com.videoapi.portal.security.addresses.boundary.AddressVerifications.Result;
import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.web.forms.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The page a link from a mail opens ({@code verify-email.xhtml?token=...}): it verifies the address,
 * or changes to the new one, and says so; or says clearly why the link does nothing. It signs nobody
 * in: it offers "Sign in", or the account's home when this browser is signed in as that person.
 */
@Named("verifyEmail")
@RequestScoped
public class VerifyEmailPage {

    @Inject
    AddressVerifications verifications;

    @Inject
    SignInSessions sessions;

    @Inject
    FacesContext faces;

    private String token;
    private Followed followed;

    /** The view action: follows the link once per request. */
    public void follow() {
        if (followed == null) {
            followed = verifications.follow(token);
            token = null;
        }
    }

    public boolean isDone() {
        return followed != null && (followed.result() == Result.VERIFIED || followed.result() == Result.CHANGED);
    }

    /** What happened, in the page's words. */
    public String getMessage() {
        if (followed == null) {
            return Words.of(Result.INVALID);
        }
        return followed.result() == Result.CHANGED ? Words.of(Result.CHANGED, followed.address()) : Words.of(followed.result());
    }

    /** Whether this browser is signed in as the person whose address it was. */
    public boolean isSignedInAsOwner() {
        return followed != null && followed.userId() != null
                && sessions.isSignedInAs((HttpServletRequest) faces.getExternalContext().getRequest(), followed.userId());
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
