package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.home.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.UUID;

/**
 * The user a Profile page was built for. A page stays open while its browser signs in as someone
 * else (another tab, or a sign-in form opened earlier), and its view lives on in the session; so
 * each action of Security Settings first asks {@link #isStillSignedIn()}, and acts for this user
 * only. Made when the page is first drawn ({@link TwoFactorForm} reads it then).
 */
@ViewScoped
public class PageUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentUser currentUser;

    @Inject
    SignInSessions sessions;


    private UUID id;

    @PostConstruct
    void remember() {
        id = currentUser.getProfile().userId();
    }

    public UUID id() {
        return id;
    }

    /**
     * Whether the session is still signed in as the page's user; if not, the page says so, and the
     * action must change nothing.
     */
    public boolean isStillSignedIn() {
        if (sessions.isSignedInAs((HttpServletRequest) faces().getExternalContext().getRequest(), id)) {
            return true;
        }
        Messages.error(null, Words.of("security.otherUser"));
        return false;
    }

    /**
     * The current request's. Not injected: the bean lives in its view, which a cluster copies to other
     * nodes with the session, and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
