package com.videoapi.portal.web.methods;

import com.videoapi.portal.security.authenticator.boundary.AuthenticatorEnrolment;
import com.videoapi.portal.security.authenticator.boundary.AuthenticatorView;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.home.CurrentUser;
import com.videoapi.portal.web.profile.FreshProof;
import com.videoapi.portal.web.profile.FreshProof.AddAuthenticator;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import com.videoapi.portal.web.profile.PageUser;
import com.videoapi.portal.web.profile.SettingsChanged;
import com.videoapi.portal.web.profile.ShownSettings;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.component.UIComponent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * The authenticator app in Security Settings: "Add an authenticator app" (after a fresh proof of
 * identity, {@link FreshProof}) shows a QR code and the secret once, and one code from the app adds
 * it ("Remove" and the default method are the list of methods', {@code MethodsForm}). The rules are in
 * {@link Authenticators}.
 */
@Named("authenticatorForm")
@ViewScoped
public class AuthenticatorForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Authenticators authenticators;

    @Inject
    TwoFactor twoFactor;

    @Inject
    FreshProof freshProof;

    @Inject
    PageUser pageUser;

    @Inject
    CurrentUser currentUser;

    @Inject
    ShownSettings shown;

    @Inject
    Event<SettingsChanged> changes;

    private AuthenticatorEnrolment enrolment;
    private String code;
    private transient AuthenticatorView app;
    private transient boolean appRead;

    public void add() {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        if (!twoFactor.isEnabled(pageUser.id())) {
            Messages.error(null, Words.of("authenticator.twoFactorFirst"));
            return;
        }
        if (freshProof.missingFor(new AddAuthenticator())) {
            return;
        }
        enrolment = authenticators.begin(pageUser.id(), currentUser.getProfile().email()).orElse(null);
        if (enrolment == null) {
            Messages.error(null, Words.of(authenticators.isAvailable() ? "authenticator.addedAlready" : "authenticator.unavailable"));
        }
    }

    /**
     * The first code from the app.
     *
     * @param codeField where the page shows a refusal
     */
    public void confirm(UIComponent codeField) {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        if (enrolment == null) {
            Messages.error(null, Words.of("authenticator.startAgain"));
            return;
        }
        boolean added = authenticators.confirm(pageUser.id(), code);
        code = null;
        if (added) {
            enrolment = null;
            changed("authenticator.added");
        } else {
            Messages.error(codeField, Words.of("authenticator.wrongCode"));
        }
    }

    public void cancel() {
        if (enrolment != null && pageUser.isStillSignedIn()) {
            authenticators.remove(pageUser.id(), "adding given up");
        }
        enrolment = null;
    }

    /** Adding carries on once the person confirmed it's them. */
    void proven(@Observes Proven proven) {
        if (proven.change() instanceof AddAuthenticator) {
            add();
        }
    }

    private void changed(String words) {
        appRead = false;
        changes.fire(new SettingsChanged());
        Messages.info(Words.of(words));
    }

    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) SettingsChanged changed) {
        appRead = false;
    }

    /** The confirmed app, or null. */
    public AuthenticatorView getApp() {
        if (!appRead) {
            app = shown.get().app();
            appRead = true;
        }
        return app;
    }

    /** When the number (2FA itself) was added, for the list of methods. */
    public java.time.Instant getPhoneAddedAt() {
        return shown.get().numberAddedAt();
    }

    /** When a texted code last signed in, for the list of methods; null: not that the trail remembers. */
    public java.time.Instant getPhoneLastUsedAt() {
        return shown.get().numberLastUsedAt();
    }

    public boolean isAdding() {
        return enrolment != null;
    }

    public String getSecret() {
        return enrolment == null ? null : enrolment.secret().replaceAll("(.{4})(?!$)", "$1 ");
    }

    public String getQrCode() {
        return enrolment == null ? "" : QrCodeSvg.of(enrolment.keyUri(), Words.of("authenticator.qrTitle"));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
