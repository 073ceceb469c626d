package com.videoapi.portal.web.signup;

import com.videoapi.portal.security.registration.boundary.Registrations;
import com.videoapi.portal.security.registration.boundary.SignUpRefusedException;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.signin.SignInPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.IOException;
import java.util.logging.Logger;

/** The "Create account" form: opens an account, then signs its owner in. */
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

    private String accountName;
    private String email;
    private String password;

    public void create() throws IOException {
        try {
            registrations.signUp(accountName, email, password);
        } catch (SignUpRefusedException refused) {
            LOG.fine(() -> "Sign-up refused: " + refused.field());
            Messages.error(fieldOf(refused.field()), refused.getMessage());
            return;
        }
        if (!SignInPage.signIn(faces, securityContext, email, password)) {
            // The account exists; only the automatic sign-in failed. Say so rather than hide it.
            LOG.warning("An account was created but its owner's automatic sign-in was refused");
            Messages.info("Your account was created. Please sign in.");
        }
    }

    private static String fieldOf(SignUpRefusedException.Field field) {
        return switch (field) {
            case ACCOUNT_NAME -> "create-account:accountName";
            case EMAIL -> "create-account:email";
            case PASSWORD -> "create-account:password";
        };
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
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
