package com.videoapi.portal.web.passwordreset;

import com.videoapi.portal.security.passwordreset.boundary.PasswordResets;
import com.videoapi.portal.web.forms.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * "Forgot password?": the e-mail address, and always the same answer, whether or not an account uses
 * it ({@link PasswordResets#request}). Too many requests from one network get 429 from the web
 * module's filter, for every address alike.
 */
@Named("forgotPassword")
@RequestScoped
public class ForgotPasswordPage {

    @Inject
    PasswordResets passwordResets;

    @Inject
    FacesContext faces;

    private String email;
    private boolean sent;

    public void send() {
        passwordResets.request(email, Words.languageOf(faces));
        sent = true;
    }

    public boolean isSent() {
        return sent;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
