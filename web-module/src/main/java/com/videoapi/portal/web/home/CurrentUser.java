package com.videoapi.portal.web.home;

import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.signin.boundary.SignInMechanism;
import com.videoapi.portal.security.signin.boundary.SignInSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;

/** The signed-in person, as the header and the account pages show them; looked up once a request. */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    Users users;

    @Inject
    SignInSessions sessions;

    @Inject
    FacesContext faces;

    private UserProfile profile;

    /** Null when nobody is signed in, or the user was removed since signing in. */
    public UserProfile getProfile() {
        if (profile == null) {
            Principal caller = securityContext.getCallerPrincipal();
            // WildFly's "anonymous" principal before sign-in is no user of ours: check the role.
            if (caller != null && securityContext.isCallerInRole(SignInMechanism.USER_ROLE)) {
                // By the session's user id, not the caller's name: the name is the address signed in
                // with, which the person may have changed since (a link to the new address).
                profile = sessions.userId((HttpServletRequest) faces.getExternalContext().getRequest())
                        .flatMap(users::find)
                        .orElse(null);
            }
        }
        return profile;
    }
}
