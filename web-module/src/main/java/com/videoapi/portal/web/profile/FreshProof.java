package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep.State;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.home.CurrentUser;
import jakarta.enterprise.event.Event;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.UUID;

/**
 * "Confirm it's you": switching 2FA on and revoking a device need a proof of identity from the last
 * five minutes. A form asks {@link #missingFor} before such a change; when the proof is older, the
 * change waits here while the person gives the password (and a code, unless on a trusted device),
 * then {@link Proven} is fired with it and the form that asked carries on.
 */
@Named("freshProof")
@ViewScoped
public class FreshProof implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A change that waits for a fresh proof of identity. */
    public sealed interface Change extends Serializable permits Enrol, Revoke, ChangeAddress, ChangeNumber,
            NewRecoveryCodes, RemoveRecoveryCodes, AddAuthenticator, RemoveAuthenticator,
            PasskeysForm.Add, PasskeysForm.Remove {
    }

    /**
     * Sending a code to the number typed, to switch 2FA on; {@code numberField} is the client id of
     * the number's field, taken from the component the page passed, so a refusal still lands there.
     */
    public record Enrol(String numberField) implements Change {
    }

    /** Revoking one trusted device. */
    public record Revoke(UUID deviceId) implements Change {
    }

    /** Changing the address the user signs in with to {@code newAddress} (a link goes to it). */
    public record ChangeAddress(String newAddress) implements Change {
    }

    /**
     * Changing the 2FA number ({@link NumberChangeForm}): {@code numberField} is the client id of the
     * new number's field when the code to it waits, null when the form waits to ask for the number.
     */
    public record ChangeNumber(String numberField) implements Change {
    }

    /** Issue 11: a new set of recovery codes, or none; adding or removing the authenticator app. */
    public record NewRecoveryCodes() implements Change {
    }

    public record RemoveRecoveryCodes() implements Change {
    }

    public record AddAuthenticator() implements Change {
    }

    public record RemoveAuthenticator() implements Change {
    }

    /** The CDI event: the person proved who they are; {@code change} may go ahead now. */
    public record Proven(Change change) {
    }

    @Inject
    TwoFactor twoFactor;

    @Inject
    SignInSessions sessions;

    @Inject
    CurrentUser currentUser;

    @Inject
    PageUser pageUser;


    @Inject
    Event<Proven> proven;

    private Change waiting;
    private TwoFactorStep pendingStep;
    private String password;
    private String code;
    private boolean offerNewCode;

    /**
     * Whether {@code change} must wait for a proof of identity; if so it waits here, and the page
     * asks for one.
     */
    public boolean missingFor(Change change) {
        if (sessions.hasFreshProof(request(), pageUser.id())) {
            return false;
        }
        waiting = change;
        Messages.info(Words.of("proof.needed"));
        return true;
    }

    /**
     * The password, then a code where the device is not trusted.
     *
     * @param passwordField where the page shows a refusal
     */
    public void confirmIdentity(UIComponent passwordField) {
        if (!pageUser.isStillSignedIn()) {
            password = null;
            return;
        }
        var profile = currentUser.getProfile();
        TwoFactorStep step = twoFactor.startReauthentication(pageUser.id(), profile.email(), password, deviceCookie(),
                faces().getViewRoot().getLocale());
        password = null;
        if (step.is(State.DONE)) {
            proven();
        } else if (step.is(State.CODE_SENT)) {
            pendingStep = step;
            offerNewCode = false;
            Messages.info(Words.of("proof.codeSent", step.maskedNumber()));
        } else {
            Messages.error(passwordField, TwoFactorForm.refusal(step));
        }
    }

    /**
     * The code sent to confirm it's you.
     *
     * @param codeField where the page shows a refusal
     */
    public void confirm(UIComponent codeField) {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        if (pendingStep == null) {
            Messages.error(null, Words.of("security.startAgain"));
            return;
        }
        TwoFactorStep step = twoFactor.confirmReauthentication(pageUser.id(), pendingStep.verificationId(), code);
        code = null;
        if (step.is(State.DONE)) {
            proven();
        } else {
            offerNewCode = step.offerNewCode();
            Messages.error(codeField, TwoFactorForm.refusal(step));
        }
    }

    /** A new code here means the password again: the proof starts over. */
    public void sendNewCode() {
        pendingStep = null;
        Messages.error(null, Words.of("security.passwordAgain"));
    }

    private void proven() {
        sessions.provenNow(request(), pageUser.id());
        pendingStep = null;
        Change change = waiting;
        waiting = null;
        if (change != null) {
            proven.fire(new Proven(change));
        }
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces().getExternalContext().getRequest();
    }

    private String deviceCookie() {
        return TrustedDeviceCookie.read(request()).orElse(null);
    }

    /** A change waits, and its proof needs the password now. */
    public boolean isAwaitingPassword() {
        return waiting != null && pendingStep == null;
    }

    /** A change waits, and its proof needs the code sent. */
    public boolean isAwaitingCode() {
        return pendingStep != null;
    }

    /** Whether a change waits for its proof at all. */
    public boolean isAsked() {
        return waiting != null;
    }

    public String getCodeSentTo() {
        return pendingStep == null ? null : pendingStep.maskedNumber();
    }

    public boolean isOfferNewCode() {
        return offerNewCode;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /**
     * The current request's. Not injected: the bean lives in its view, which a cluster copies to other
     * nodes with the session, and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
