package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.passwords.boundary.PasswordChanges;
import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.home.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;

/** The password of Security Settings: a new one, given the current one. */
@Named("passwordForm")
@RequestScoped
public class PasswordForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordChanges passwordChanges;

    @Inject
    SignInSessions sessions;

    @Inject
    CurrentUser currentUser;

    @Inject
    PageUser pageUser;

    @Inject
    FacesContext faces;

    @Inject
    Event<SettingsChanged> changes;

    private String currentPassword;
    private String newPassword;

    /**
     * A new password ends the other sessions and revokes every trusted device; this session stays.
     *
     * @param newPasswordField where the page shows a refusal
     */
    public void changePassword(UIComponent newPasswordField) {
        if (!pageUser.isStillSignedIn()) {
            currentPassword = null;
            newPassword = null;
            return;
        }
        var profile = currentUser.getProfile();
        PasswordChanges.Outcome outcome = passwordChanges.change(profile.userId(), profile.email(), currentPassword, newPassword);
        currentPassword = null;
        newPassword = null;
        if (outcome.changed()) {
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            sessions.keepThisSession(request);
            sessions.provenNow(request, profile.userId());
            changes.fire(new SettingsChanged());
            Messages.info(Words.of(outcome.result()));
        } else {
            Messages.error(newPasswordField, outcome.problem() != null
                    ? Words.of(outcome.problem(), outcome.problem().limit()) : Words.of(outcome.result()));
        }
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
