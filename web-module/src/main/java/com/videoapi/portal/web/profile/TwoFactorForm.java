package com.videoapi.portal.web.profile;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.phones.boundary.PhoneRegions;
import com.videoapi.portal.account.phones.boundary.PhoneRegions.Region;
import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStatus;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep.State;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.home.CurrentUser;
import com.videoapi.portal.web.profile.FreshProof.Enrol;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import com.videoapi.portal.web.profile.FreshProof.SwitchOff;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The two-factor switch of Security Settings: switching on (number, then code; after a fresh proof
 * of identity, {@link FreshProof}) and off (password, then a code unless on a trusted device). Every
 * rule is in {@link TwoFactor}; this bean keeps where the person is in the form.
 */
@Named("twoFactorForm")
@ViewScoped
public class TwoFactorForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a code on its way is for. */
    enum Awaiting { ENROLMENT, DISABLING }

    /** The client id of the number's "Submit" button (profile.xhtml). */
    private static final String SUBMIT_NUMBER = "security:submit-number";

    @Inject
    TwoFactor twoFactor;

    @Inject
    SignInSessions sessions;

    @Inject
    FreshProof freshProof;

    @Inject
    PageUser pageUser;

    @Inject
    PhoneCountries countries;

    @Inject
    CurrentUser currentUser;

    @Inject
    ShownSettings shown;

    @Inject
    Event<SettingsChanged> changes;

    private UUID userId;
    private String email;
    private TwoFactorStatus status;
    private boolean useTwoFactor;

    private String country;
    private PhoneNumber phone;
    private TwoFactorStep pendingStep;
    private Awaiting awaiting;
    private boolean offerNewCode;
    private String code;
    private String password;

    @PostConstruct
    void load() {
        var profile = currentUser.getProfile();
        userId = pageUser.id();
        email = profile.email();
        status = shown.get().status();
        useTwoFactor = status.enabled();
        country = PhoneRegions.of(faces().getExternalContext().getRequestLocale());
    }

    /**
     * Step 1 of switching on: send a code to the number typed.
     *
     * @param phoneField where the page shows a refusal of the number
     */
    public void submitNumber(UIComponent phoneField) {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        if (!useTwoFactor) {
            Messages.error(null, Words.of("security.switchOnFirst"));
            return;
        }
        if (freshProof.missingFor(new Enrol(phoneField.getClientId(faces())))) {
            return;
        }
        TwoFactorStep step = twoFactor.startEnrolment(userId, phone, language());
        if (step.is(State.CODE_SENT)) {
            awaitCode(step, Awaiting.ENROLMENT);
            Messages.info(Words.of("security.codeSent", step.maskedNumber()));
        } else {
            Messages.error(phoneField, refusal(step));
        }
    }

    /** Switching on (or off without a number) carries on once the person confirmed it's them. */
    void proven(@Observes Proven proven) {
        if (proven.change() instanceof Enrol enrol) {
            // The proof came in a later request: the number's field is found again by the client id it had.
            submitNumber(faces().getViewRoot().findComponent(enrol.numberField()));
        } else if (proven.change() instanceof SwitchOff && pageUser.isStillSignedIn()) {
            switchOffProven();
        }
    }

    /** The password and a fresh proof by a method left were given: 2FA goes off with all its methods. */
    private void switchOffProven() {
        twoFactor.switchOff(userId, "with the password and a fresh proof");
        changed(TwoFactorStep.done(TwoFactorStep.Result.DISABLED));
    }

    /**
     * The code, for switching on or off.
     *
     * @param codeField where the page shows a refusal of the code
     */
    public void confirm(UIComponent codeField) {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        if (pendingStep == null) {
            Messages.error(null, Words.of("security.startAgain"));
            return;
        }
        TwoFactorStep step = awaiting == Awaiting.ENROLMENT
                ? twoFactor.confirmEnrolment(userId, pendingStep.verificationId(), code)
                : twoFactor.confirmDisabling(userId, pendingStep.verificationId(), code);
        code = null;
        if (step.is(State.DONE)) {
            changed(step);
        } else {
            offerNewCode = step.offerNewCode();
            Messages.error(codeField, refusal(step));
        }
    }

    /** A new code for the same step, replacing the earlier one. */
    public void sendNewCode() {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        if (awaiting == Awaiting.ENROLMENT) {
            TwoFactorStep step = twoFactor.resendEnrolmentCode(userId, phone, language());
            if (step.is(State.CODE_SENT)) {
                awaitCode(step, Awaiting.ENROLMENT);
                Messages.info(Words.of("security.newCodeSent", step.maskedNumber()));
            } else {
                Messages.error(null, refusal(step));
            }
            return;
        }
        pendingStep = null;
        Messages.error(null, Words.of("security.passwordAgain"));
    }

    /** "Call me instead" while switching on: the code read out in a call to the number typed. */
    public void callInstead() {
        if (!pageUser.isStillSignedIn() || awaiting != Awaiting.ENROLMENT) {
            return;
        }
        TwoFactorStep step = twoFactor.callEnrolmentNumber(userId, phone, language());
        if (step.is(State.CODE_SENT)) {
            awaitCode(step, Awaiting.ENROLMENT);
            Messages.info(Words.of("code.calling", step.maskedNumber()));
        } else {
            Messages.error(null, refusal(step));
        }
    }

    /** Another form changed the account (a new number): the status line shows it. */
    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) SettingsChanged changed) {
        boolean wasOn = status.enabled();
        status = shown.get().status();
        if (wasOn != status.enabled()) {
            // Switched off elsewhere on the page (the last method removed): the switch shows it.
            useTwoFactor = status.enabled();
        }
    }

    /**
     * Switching off: the password (a fresh proof in itself), then a code unless on a trusted device.
     *
     * @param passwordField where the page shows a refusal of the password
     */
    public void turnOff(UIComponent passwordField) {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        TwoFactorStep step = twoFactor.startDisabling(userId, email, password, deviceCookie(), language());
        password = null;
        if (step.is(State.DONE)) {
            changed(step);
        } else if (step.is(State.FACTOR_NEEDED)) {
            // No number for a code: a fresh proof by a method left (app, passkey, recovery code) stands in for it.
            if (!freshProof.missingFor(new SwitchOff())) {
                switchOffProven();
            }
        } else if (step.is(State.CODE_SENT)) {
            awaitCode(step, Awaiting.DISABLING);
            Messages.info(Words.of("security.disableCodeSent", step.maskedNumber()));
        } else {
            Messages.error(passwordField, refusal(step));
        }
    }

    private void awaitCode(TwoFactorStep step, Awaiting purpose) {
        pendingStep = step;
        awaiting = purpose;
        offerNewCode = false;
    }

    /** 2FA switched on or off: other sessions ended, this one stays; the switch proved identity. */
    private void changed(TwoFactorStep step) {
        sessions.keepThisSession(request());
        sessions.provenNow(request(), userId);
        pendingStep = null;
        awaiting = null;
        offerNewCode = false;
        phone = null;
        changes.fire(new SettingsChanged());
        status = shown.get().status();
        useTwoFactor = status.enabled();
        Messages.info(Words.of(step.result()));
    }

    /** The words for a refused step: a wrong password, or what went wrong with the code. */
    static String refusal(TwoFactorStep step) {
        return step.refusal() == TwoFactorStep.Refusal.WRONG_PASSWORD ? Words.of("security.wrongPassword") : Words.of(step.problem());
    }

    private Locale language() {
        return faces().getViewRoot().getLocale();
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces().getExternalContext().getRequest();
    }

    private String deviceCookie() {
        return TrustedDeviceCookie.read(request()).orElse(null);
    }

    /** The countries of the form's choice, named in the page's language; computed once per language. */
    public List<Region> getCountries() {
        return countries.in(language());
    }

    public boolean isAwaitingCode() {
        return pendingStep != null;
    }

    /**
     * Whether the number's form is on the page: until a code is awaited, and also while a "Submit" of
     * it is decoded when the enrolment code is awaited already. A double click posts the page twice
     * into this one view; the second post, decoded after the first sent the code, would otherwise be
     * dropped without a word (Faces skips a button that is not rendered). Sent again, the number
     * meets the first code and merges with it (no second code), and both answers say it was sent.
     */
    public boolean isNumberFormShown() {
        if (pendingStep == null) {
            return true;
        }
        FacesContext faces = faces();
        return awaiting == Awaiting.ENROLMENT
                && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE
                && faces.getExternalContext().getRequestParameterMap().containsKey(SUBMIT_NUMBER);
    }

    /** Whether the code awaited is the enrolment's, which "Call me instead" can read out. */
    public boolean isAwaitingEnrolmentCode() {
        return pendingStep != null && awaiting == Awaiting.ENROLMENT;
    }

    public String getCodeSentTo() {
        return pendingStep == null ? null : pendingStep.maskedNumber();
    }

    public boolean isOfferNewCode() {
        return offerNewCode;
    }

    public TwoFactorStatus getStatus() {
        return status;
    }

    public boolean isUseTwoFactor() {
        return useTwoFactor;
    }

    public void setUseTwoFactor(boolean useTwoFactor) {
        this.useTwoFactor = useTwoFactor;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public PhoneNumber getPhone() {
        return phone;
    }

    public void setPhone(PhoneNumber phone) {
        this.phone = phone;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * The current request's. Not injected: the bean lives in its view, which a cluster copies to other
     * nodes with the session, and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
