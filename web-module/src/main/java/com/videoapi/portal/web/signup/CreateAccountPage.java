package com.videoapi.portal.web.signup;

import com.videoapi.portal.account.accounts.boundary.AccountName;
import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.security.registration.boundary.Registrations;
import com.videoapi.portal.security.registration.boundary.SignUpRefusedException;
import com.videoapi.portal.security.signin.boundary.SignInMechanism;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.util.logging.Logger;

/**
 * The "Create account" form: opens an account and answers "Check your inbox to finish", signing
 * nobody in (the link mailed to the address verifies it; the password signs in). The very same answer
 * when the address has an account already (its owner gets a mail instead): the page tells no stranger
 * who has an account. Refused while someone is signed in in this browser: they sign out first. The
 * name and address arrive typed (their converters put any refusal on their field); the password's rule
 * is security-module's.
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
    private boolean checkInbox;

    /**
     * Opens the account (or mails the address's owner), then says to check the inbox.
     *
     * @param emailField where the page shows a refusal of the address (by its converter only)
     * @param passwordField where the page shows a refusal of the password
     */
    public void create(UIComponent emailField, UIComponent passwordField) {
        if (securityContext.isCallerInRole(SignInMechanism.USER_ROLE)) {
            // Whoever is signed in signs out first (issue 9, races): a new account is someone else's.
            password = null;
            Messages.error(null, Words.of("signup.signOutFirst"));
            return;
        }
        try {
            // The browser's first language (Accept-Language), stored for the mails this person gets.
            registrations.signUp(accountName, email, password, faces.getExternalContext().getRequestLocale());
        } catch (SignUpRefusedException refused) {
            LOG.fine(() -> "Sign-up refused: " + refused.reason());
            Messages.error(passwordField, Words.of(refused.passwordProblem(), refused.passwordProblem().limit()));
            return;
        } finally {
            password = null;
        }
        checkInbox = true;
    }

    /** Whether the form was sent and the page now says "Check your inbox to finish". */
    public boolean isCheckInbox() {
        return checkInbox;
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
