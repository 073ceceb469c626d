package com.videoapi.portal.web.profile;

import com.videoapi.portal.account.users.boundary.EmailAddress;
import com.videoapi.portal.security.addresses.boundary.AddressVerifications;
import com.videoapi.portal.security.addresses.boundary.AddressVerifications.Request;
import com.videoapi.portal.security.passwords.boundary.PasswordConfirmations;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.home.CurrentUser;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.profile.FreshProof.ChangeAddress;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.component.UIComponent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * The e-mail address of the profile: while it is not verified, a notice with "Send the link again";
 * and "Change email address", which takes the password (and, with 2FA on, a fresh proof of identity,
 * {@link FreshProof}) and mails a link to the new address and a notice to the old one. The address
 * changes only when that link is followed.
 */
@Named("emailAddressForm")
@RequestScoped
public class EmailAddressForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AddressVerifications verifications;

    @Inject
    PasswordConfirmations passwords;

    @Inject
    TwoFactor twoFactor;

    @Inject
    ShownSettings shown;

    @Inject
    CurrentUser currentUser;

    @Inject
    PageUser pageUser;

    @Inject
    FreshProof freshProof;

    private EmailAddress newEmail;
    private String password;

    /** Whether the address the user signs in with is verified. */
    public boolean isVerified() {
        return shown.get().emailVerified();
    }

    /** "Send the link again", at most once per cooldown. */
    public void sendLinkAgain() {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        Request outcome = verifications.sendLinkAgain(pageUser.id());
        if (outcome == Request.SENT) {
            Messages.info(Words.of("email.linkSentAgain", currentUser.getProfile().email()));
        } else if (outcome == Request.TOO_SOON) {
            Messages.error(null, Words.of(outcome, verifications.cooldown().toSeconds()));
        } else {
            Messages.info(Words.of(outcome));
        }
    }

    /**
     * Checks the password, then (with 2FA on) a fresh proof, then asks for the change.
     *
     * @param passwordField where the page shows a wrong password
     */
    public void change(UIComponent passwordField) {
        if (!pageUser.isStillSignedIn()) {
            password = null;
            return;
        }
        boolean right = passwords.confirms(pageUser.id(), currentUser.getProfile().email(), password);
        password = null;
        if (!right) {
            Messages.error(passwordField, Words.of("email.wrongPassword"));
            return;
        }
        // Without 2FA the password is the whole proof; with it, the code too (unless proven lately).
        if (twoFactor.isEnabled(pageUser.id()) && freshProof.missingFor(new ChangeAddress(newEmail.value()))) {
            return;
        }
        requestChange(newEmail);
    }

    void proven(@Observes Proven proven) {
        if (proven.change() instanceof ChangeAddress change && pageUser.isStillSignedIn()) {
            requestChange(EmailAddress.of(change.newAddress()));
        }
    }

    private void requestChange(EmailAddress to) {
        Request outcome = verifications.requestChange(pageUser.id(), to);
        newEmail = null;
        if (outcome == Request.SENT) {
            Messages.info(Words.of("email.changeLinkSent", to.value()));
        } else if (outcome == Request.TOO_SOON) {
            Messages.error(null, Words.of(outcome, verifications.cooldown().toSeconds()));
        } else {
            Messages.error(null, Words.of(outcome));
        }
    }

    public EmailAddress getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(EmailAddress newEmail) {
        this.newEmail = newEmail;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
