package com.videoapi.portal.web.passwordreset;

import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passwordreset.boundary.LinkState;
import com.videoapi.portal.security.passwordreset.boundary.OpenedLink;
import com.videoapi.portal.security.passwordreset.boundary.PasswordResets;
import com.videoapi.portal.security.passwordreset.boundary.ResetStep;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.UUID;

/**
 * The page a reset link opens: with 2FA on the second factor first (a trusted device of this
 * browser, a code to the stored number, the app's code, a passkey, or a recovery code, where the
 * person has them), then the new password.
 * Every rule is in {@link PasswordResets}; this bean keeps where the person is, and the proof of the
 * second factor for this view only (never shown).
 */
@Named("resetPassword")
@ViewScoped
public class ResetPasswordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the person is on the page. */
    public enum Stage { REFUSED, SECOND_FACTOR, CODE, PASSWORD, DONE }

    @Inject
    PasswordResets passwordResets;

    private String token;
    private Stage stage;
    private LinkState refusal;
    private boolean recoveryCodes;
    private boolean number;
    private boolean app;
    private boolean passkey;
    /** "Use your passkey": begun when the page is drawn, answered once. */
    private Ceremony ceremony;
    private String passkeyResponse;
    private String appCode;
    private UUID verificationId;
    private String maskedNumber;
    private boolean calling;
    private String proof;
    private String code;
    private String recoveryCode;
    private String newPassword;

    /** When the page opens: nothing changes yet (mail scanners open links too). */
    public void open() {
        if (faces().isPostback() || stage != null) {
            return;
        }
        OpenedLink opened = passwordResets.open(token);
        recoveryCodes = opened.recoveryCodes();
        number = opened.number();
        app = opened.app();
        passkey = opened.passkey();
        if (!opened.usable()) {
            refused(opened.state());
        } else {
            stage = opened.secondFactor() ? Stage.SECOND_FACTOR : Stage.PASSWORD;
        }
    }

    /** "Continue": a trusted device of this browser proves it at once; otherwise a code is sent. */
    public void startSecondFactor() {
        HttpServletRequest request = (HttpServletRequest) faces().getExternalContext().getRequest();
        follow(passwordResets.startSecondFactor(token, TrustedDeviceCookie.read(request).orElse(null),
                Words.languageOf(faces())), null);
    }

    public void sendNewCode() {
        ResetStep step = passwordResets.resendCode(token, Words.languageOf(faces()));
        follow(step, null);
        if (step.is(ResetStep.State.CODE_SENT)) {
            calling = false;
        }
    }

    /** "Call me instead", as on the sign-in code page: the stored number is called and the code read out. */
    public void callMe() {
        ResetStep step = passwordResets.callInstead(token, Words.languageOf(faces()));
        follow(step, null);
        if (step.is(ResetStep.State.CODE_SENT)) {
            calling = true;
        }
    }

    public void verify(UIComponent codeField) {
        ResetStep step = passwordResets.confirmCode(token, verificationId, code);
        code = null;
        follow(step, codeField);
    }

    public void useRecoveryCode(UIComponent recoveryCodeField) {
        ResetStep step = passwordResets.confirmRecoveryCode(token, recoveryCode);
        recoveryCode = null;
        follow(step, recoveryCodeField);
    }

    /** The authenticator app's code, for a person who has the app (with or without a number). */
    public void useAppCode(UIComponent appCodeField) {
        ResetStep step = passwordResets.confirmAppCode(token, appCode);
        appCode = null;
        follow(step, appCodeField);
    }

    /** "Use your passkey": the browser's answer to this view's ceremony, which answers once. */
    public void usePasskey() {
        Ceremony answered = ceremony;
        ceremony = null;
        String response = passkeyResponse;
        passkeyResponse = null;
        follow(passwordResets.confirmPasskey(token, answered, response), null);
    }

    public void reset(UIComponent passwordField) {
        PasswordResets.Outcome outcome = passwordResets.reset(token, proof, newPassword);
        newPassword = null;
        switch (outcome.result()) {
            case RESET -> {
                stage = Stage.DONE;
                proof = null;
            }
            case LINK_REFUSED -> refused(outcome.link());
            case SECOND_FACTOR_NEEDED -> {
                // 2FA was switched on since the page opened: the second factor first.
                stage = Stage.SECOND_FACTOR;
                Messages.error(null, Words.of("reset.secondFactorFirst"));
            }
            case NEW_PASSWORD_REFUSED -> Messages.error(passwordField,
                    Words.of(outcome.problem(), outcome.problem().limit()));
        }
    }

    private void follow(ResetStep step, UIComponent field) {
        switch (step.state()) {
            case CODE_SENT -> {
                stage = Stage.CODE;
                verificationId = step.verificationId();
                maskedNumber = step.maskedNumber();
            }
            case PROVEN -> {
                stage = Stage.PASSWORD;
                proof = step.proof();
            }
            case REFUSED -> Messages.error(field, Words.of(step.problem()));
            case PASSKEY_REFUSED -> Messages.error(null, Words.of(step.passkey()));
            case LINK_REFUSED -> refused(step.link());
        }
    }

    private void refused(LinkState state) {
        stage = Stage.REFUSED;
        refusal = state;
    }

    public String getRefusal() {
        return refusal == null ? "" : Words.of(refusal);
    }

    public boolean isOfferNewCode() {
        return stage == Stage.CODE;
    }

    public boolean is(String expected) {
        return stage != null && stage.name().equals(expected);
    }

    public boolean isRecoveryCodes() {
        return recoveryCodes;
    }

    /** Whether the code is being read out in a call: the page then says who is being called. */
    public boolean isCalling() {
        return calling;
    }

    /** Whether "Continue" can send a code: the person has a number (it may have been removed for the app). */
    public boolean isNumber() {
        return number;
    }

    public boolean isApp() {
        return app;
    }

    /** Whether "Use your passkey" is offered now: the person has one, and the second factor is asked for. */
    public boolean isPasskeyOffered() {
        return passkey && (is("SECOND_FACTOR") || is("CODE"));
    }

    /**
     * The options of "Use your passkey", for the page's script: a new ceremony each time the page is
     * drawn after the last was answered. Empty while none is offered, or the form is only decoded.
     */
    public String getPasskeyOptions() {
        if (!isPasskeyOffered() || faces().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return "";
        }
        if (ceremony == null) {
            ceremony = passwordResets.startPasskey(token).orElse(null);
        }
        return ceremony == null ? "" : ceremony.options();
    }

    public String getPasskeyResponse() {
        return passkeyResponse;
    }

    public void setPasskeyResponse(String passkeyResponse) {
        this.passkeyResponse = passkeyResponse;
    }

    public String getAppCode() {
        return appCode;
    }

    public void setAppCode(String appCode) {
        this.appCode = appCode;
    }

    public String getMaskedNumber() {
        return maskedNumber;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        if (this.token == null) {
            this.token = token;
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getRecoveryCode() {
        return recoveryCode;
    }

    public void setRecoveryCode(String recoveryCode) {
        this.recoveryCode = recoveryCode;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    /**
     * Looked up per request, not injected: this bean travels between cluster nodes with the session,
     * and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
