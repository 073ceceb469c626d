package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.methods.boundary.IdentityProofs;
import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep.State;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.home.CurrentUser;
import jakarta.enterprise.event.Event;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.Locale;
import java.util.UUID;

/**
 * "Confirm it's you": a sensitive change (switching 2FA on, removing or adding a method, new recovery
 * codes, a new number or address, revoking a device) needs a proof of identity from the last five
 * minutes. A form asks {@link #missingFor} before such a change; when the proof is older, the change
 * waits here while the person gives the password and then any current second factor of theirs
 * ({@link IdentityProofs}): the code to the number (sent at once when that is their default; "Call me
 * instead" too), the app's code, "Use your passkey", or a recovery code; none on a trusted device of
 * theirs. Then {@link Proven} is fired with the change and the form that asked carries on. A proof
 * counts only for the page's user ({@link PageUser}).
 */
@Named("freshProof")
@ViewScoped
public class FreshProof implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A change that waits for a fresh proof of identity. */
    public sealed interface Change extends Serializable permits Enrol, Revoke, ChangeAddress, ChangeNumber,
            NewRecoveryCodes, RemoveRecoveryCodes, AddAuthenticator, RemoveAuthenticator, RemoveNumber, SwitchOff,
            RemovePasskey, PasskeysForm.Add {
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

    /** Removing the phone number (while the app or a passkey stays; else it switches 2FA off). */
    public record RemoveNumber() implements Change {
    }

    /** Switching 2FA off without a number to send the code to: the proof is by one of the methods left. */
    public record SwitchOff() implements Change {
    }

    /** Removing one passkey. */
    public record RemovePasskey(UUID passkeyId) implements Change {
    }

    /** The CDI event: the person proved who they are; {@code change} may go ahead now. */
    public record Proven(Change change) {
    }

    @Inject
    IdentityProofs proofs;

    @Inject
    SignInSessions sessions;

    @Inject
    CurrentUser currentUser;

    @Inject
    PageUser pageUser;

    @Inject
    Event<Proven> proven;

    @Inject
    Event<SettingsChanged> changes;

    private Change waiting;
    /** After the right password: the step that asks for the second factor (a code sent, or none yet). */
    private TwoFactorStep pendingStep;
    private IdentityProofs.Factors factors;
    private Ceremony ceremony;
    private String password;
    private String code;
    private String appCode;
    private String recoveryCode;
    private String passkeyResponse;
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
        pendingStep = null;
        Messages.info(Words.of("proof.needed"));
        return true;
    }

    /**
     * The password; then the second factor, unless the device is trusted.
     *
     * @param passwordField where the page shows a refusal
     */
    public void confirmIdentity(UIComponent passwordField) {
        if (!pageUser.isStillSignedIn()) {
            password = null;
            return;
        }
        var profile = currentUser.getProfile();
        TwoFactorStep step = proofs.start(pageUser.id(), profile.email(), password, deviceCookie(), language());
        password = null;
        if (step.is(State.DONE)) {
            proven();
        } else if (step.is(State.CODE_SENT) || step.is(State.FACTOR_NEEDED)) {
            pendingStep = step;
            factors = proofs.factorsOf(pageUser.id());
            ceremony = null;
            offerNewCode = false;
            Messages.info(step.is(State.CODE_SENT) ? Words.of("proof.codeSent", step.maskedNumber()) : Words.of("proof.chooseFactor"));
        } else {
            Messages.error(passwordField, TwoFactorForm.refusal(step));
        }
    }

    /**
     * The code sent (or read out) to the number.
     *
     * @param codeField where the page shows a refusal
     */
    public void confirm(UIComponent codeField) {
        if (!secondStepMayGo()) {
            return;
        }
        if (pendingStep.verificationId() == null) {
            Messages.error(null, Words.of("security.startAgain"));
            return;
        }
        TwoFactorStep step = proofs.confirmCode(pageUser.id(), pendingStep.verificationId(), code);
        code = null;
        if (step.is(State.DONE)) {
            proven();
        } else {
            offerNewCode = step.offerNewCode();
            Messages.error(codeField, TwoFactorForm.refusal(step));
        }
    }

    /** "Send a code by text message" (or "Send a new code"): to the stored number, within the cooldown. */
    public void sendCode() {
        if (!secondStepMayGo()) {
            return;
        }
        codeStarted(proofs.sendCode(pageUser.id(), language()), "proof.codeSent");
    }

    /** "Call me instead": the code read out in a call to the stored number (its own cooldown, the same budgets). */
    public void callInstead() {
        if (!secondStepMayGo()) {
            return;
        }
        codeStarted(proofs.call(pageUser.id(), language()), "code.calling");
    }

    private void codeStarted(TwoFactorStep step, String words) {
        if (step.is(State.CODE_SENT)) {
            pendingStep = step;
            offerNewCode = false;
            Messages.info(Words.of(words, step.maskedNumber()));
        } else {
            // Refused (a cooldown, a budget, Vonage): a code already on its way stays good.
            Messages.error(null, TwoFactorForm.refusal(step));
        }
    }

    /**
     * A code of the authenticator app.
     *
     * @param appCodeField where the page shows a refusal
     */
    public void confirmApp(UIComponent appCodeField) {
        if (!secondStepMayGo()) {
            return;
        }
        TwoFactorStep step = proofs.confirmApp(pageUser.id(), appCode);
        appCode = null;
        if (step.is(State.DONE)) {
            proven();
        } else {
            Messages.error(appCodeField, Words.of("authenticator.wrongCode"));
        }
    }

    /**
     * A recovery code, spent when right.
     *
     * @param recoveryCodeField where the page shows a refusal
     */
    public void confirmRecoveryCode(UIComponent recoveryCodeField) {
        if (!secondStepMayGo()) {
            return;
        }
        TwoFactorStep step = proofs.confirmRecoveryCode(pageUser.id(), recoveryCode);
        recoveryCode = null;
        if (step.is(State.DONE)) {
            // One code fewer: the list of methods says so.
            changes.fire(new SettingsChanged());
            proven();
        } else {
            Messages.error(recoveryCodeField, Words.of("recovery.wrongCode"));
        }
    }

    /** "Use your passkey": the browser's answer to this view's ceremony, which answers once. */
    public void usePasskey() {
        Ceremony answered = ceremony;
        ceremony = null;
        String response = passkeyResponse;
        passkeyResponse = null;
        if (!secondStepMayGo()) {
            return;
        }
        Passkeys.Assertion outcome = proofs.confirmPasskey(pageUser.id(), answered, response);
        if (outcome == Passkeys.Assertion.SIGNED_IN) {
            proven();
        } else {
            Messages.error(null, Words.of(outcome));
        }
    }

    /** A second step only after this user's password, in this view, for this page's user. */
    private boolean secondStepMayGo() {
        if (!pageUser.isStillSignedIn()) {
            return false;
        }
        if (pendingStep == null) {
            Messages.error(null, Words.of("security.passwordAgain"));
            return false;
        }
        return true;
    }

    /** A new code here means the password again: the proof starts over. */
    public void sendNewCode() {
        pendingStep = null;
        Messages.error(null, Words.of("security.passwordAgain"));
    }

    private void proven() {
        sessions.provenNow(request(), pageUser.id());
        pendingStep = null;
        factors = null;
        ceremony = null;
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

    private Locale language() {
        return faces().getViewRoot().getLocale();
    }

    /** A change waits, and its proof needs the password now. */
    public boolean isAwaitingPassword() {
        return waiting != null && pendingStep == null;
    }

    /** A change waits, and its proof needs a second factor. */
    public boolean isAwaitingFactor() {
        return pendingStep != null;
    }

    /** Kept for the pages that hide other forms while a proof's code is awaited. */
    public boolean isAwaitingCode() {
        return isAwaitingFactor();
    }

    /** Whether a code to the number is on its way (its field is shown). */
    public boolean isCodeSent() {
        return pendingStep != null && pendingStep.verificationId() != null;
    }

    /** Whether a change waits for its proof at all. */
    public boolean isAsked() {
        return waiting != null;
    }

    public boolean isNumberOffered() {
        return factors != null && factors.maskedNumber() != null;
    }

    public boolean isAppOffered() {
        return factors != null && factors.app();
    }

    public boolean isPasskeyOffered() {
        return factors != null && factors.passkey();
    }

    public boolean isRecoveryCodeOffered() {
        return factors != null && factors.recoveryCodesLeft() > 0;
    }

    /**
     * The options of "Use your passkey", for the page's script; a new ceremony each time the page is
     * drawn after the last was answered. Empty while no passkey is offered, or the form is only decoded.
     */
    public String getPasskeyOptions() {
        if (!isPasskeyOffered() || faces().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return "";
        }
        if (ceremony == null) {
            ceremony = proofs.startPasskey(pageUser.id());
        }
        return ceremony.options();
    }

    public String getCodeSentTo() {
        return pendingStep == null ? null : pendingStep.maskedNumber();
    }

    public String getNumber() {
        return factors == null ? null : factors.maskedNumber();
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

    public String getAppCode() {
        return appCode;
    }

    public void setAppCode(String appCode) {
        this.appCode = appCode;
    }

    public String getRecoveryCode() {
        return recoveryCode;
    }

    public void setRecoveryCode(String recoveryCode) {
        this.recoveryCode = recoveryCode;
    }

    public String getPasskeyResponse() {
        return passkeyResponse;
    }

    public void setPasskeyResponse(String passkeyResponse) {
        this.passkeyResponse = passkeyResponse;
    }

    /**
     * The current request's. Not injected: the bean lives in its view, which a cluster copies to other
     * nodes with the session, and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
