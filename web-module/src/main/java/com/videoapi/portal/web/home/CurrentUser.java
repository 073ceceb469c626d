package com.videoapi.portal.web.home;

import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.signin.boundary.SignInMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

    private UserProfile profile;

    /** Null when nobody is signed in, or the user was removed since signing in. */
    public UserProfile getProfile() {
        if (profile == null) {
            Principal caller = securityContext.getCallerPrincipal();
            // WildFly's "anonymous" principal before sign-in is no user of ours: check the role.
            if (caller != null && securityContext.isCallerInRole(SignInMechanism.USER_ROLE)) {
                profile = users.findByEmail(caller.getName()).orElse(null);
            }
        }
        return profile;
    }
}
