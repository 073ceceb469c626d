package com.videoapi.portal.web.signin;

import com.videoapi.portal.security.signin.boundary.SignInSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** Sign-out: a POST from the header of every signed-in page (no GET may change state). */
@Named("signOut")
@RequestScoped
public class SignOut {

    @Inject
    FacesContext faces;

    @Inject
    SignInSessions sessions;

    public String signOut() throws ServletException {
        sessions.signOut((HttpServletRequest) faces.getExternalContext().getRequest());
        return "/signin?faces-redirect=true&signed-out=true";
    }

    /** Security Settings: ends every session of the user, on every device, this one included. */
    public String signOutEverywhere() throws ServletException {
        sessions.signOutEverywhere((HttpServletRequest) faces.getExternalContext().getRequest());
        return "/signin?faces-redirect=true&signed-out=true";
    }
}
