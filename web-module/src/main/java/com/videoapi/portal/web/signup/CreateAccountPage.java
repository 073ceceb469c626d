package com.videoapi.portal.web.signup;

import com.videoapi.portal.account.accounts.boundary.AccountName;
import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.security.registration.boundary.Registrations;
import com.videoapi.portal.security.registration.boundary.SignUpRefusedException;
import com.videoapi.portal.security.signin.boundary.SignInMechanism;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.signin.SignInPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * The "Create account" form: opens an account, then signs its owner in. Refused while someone is
 * signed in in this browser: they sign out first. The name and address arrive
 * typed (their converters put any refusal on their field); the password's rule is security-module's.
 */
@Named("createAccount")
@RequestScoped
public class CreateAccountPage {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.web");

    @Inject
    Registrations registrations;

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private AccountName accountName;
    private EmailAddress email;
    private String password;

    /**
     * Opens the account, then signs its owner in.
     *
     * @param emailField where the page shows a refusal of the address
     * @param passwordField where the page shows a refusal of the password
     */
    public void create(UIComponent emailField, UIComponent passwordField) throws IOException {
        if (securityContext.isCallerInRole(SignInMechanism.USER_ROLE)) {
            // Signing the new owner in would keep this session, and the pages open in it, for
            // someone else: whoever is signed in signs out first (issue 9, races).
            password = null;
            Messages.error(null, Words.of("signup.signOutFirst"));
            return;
        }
        try {
            registrations.signUp(accountName, email, password);
        } catch (SignUpRefusedException refused) {
            LOG.fine(() -> "Sign-up refused: " + refused.reason());
            if (refused.reason() == SignUpRefusedException.Reason.EMAIL_ALREADY_REGISTERED) {
                Messages.error(emailField, Words.of(refused.reason()));
            } else {
                Messages.error(passwordField, Words.of(refused.passwordProblem(), refused.passwordProblem().limit()));
            }
            return;
        }
        if (!SignInPage.signIn(faces, securityContext, email.value(), password)) {
            // The account exists; only the automatic sign-in failed. Say so rather than hide it.
            LOG.warning("An account was created but its owner's automatic sign-in was refused");
            Messages.info(Words.of("signup.createdPleaseSignIn"));
        }
    }

    public AccountName getAccountName() {
        return accountName;
    }

    public void setAccountName(AccountName accountName) {
        this.accountName = accountName;
    }

    public EmailAddress getEmail() {
        return email;
    }

    public void setEmail(EmailAddress email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
