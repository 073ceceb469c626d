package com.videoapi.portal.web.profile;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.account.phones.boundary.PhoneRegions;
import com.videoapi.portal.account.phones.boundary.PhoneRegions.Region;
import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.security.twofactor.boundary.NumberChangeStep;
import com.videoapi.portal.security.twofactor.boundary.NumberChangeStep.State;
import com.videoapi.portal.security.twofactor.boundary.NumberChanges;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.profile.FreshProof.ChangeNumber;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * "Change number" in Security Settings, while 2FA stays on: a fresh proof of identity
 * ({@link FreshProof}: the password plus a code to the old number, or this trusted device), then the
 * new number and a code to it. Every rule is in {@link NumberChanges}; this bean keeps where the
 * person is in the form. The proof is asked for again before the code goes out when it has grown
 * stale meanwhile.
 */
@Named("numberChangeForm")
@ViewScoped
public class NumberChangeForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the person is: nothing asked yet, typing the new number, typing its code. */
    enum Stage { IDLE, NUMBER, CODE }

    @Inject
    NumberChanges numberChanges;

    @Inject
    ShownSettings shown;

    @Inject
    SignInSessions sessions;

    @Inject
    FreshProof freshProof;

    @Inject
    PageUser pageUser;

    @Inject
    PhoneCountries countries;

    @Inject
    Event<SettingsChanged> changes;

    private UUID userId;
    private boolean twoFactorOn;
    private boolean hasNumber;
    private Stage stage = Stage.IDLE;
    private String country;
    private PhoneNumber phone;
    private NumberChangeStep pendingStep;
    private boolean offerNewCode;
    private String code;

    @PostConstruct
    void load() {
        userId = pageUser.id();
        twoFactorOn = shown.get().status().enabled();
        hasNumber = shown.get().hasNumber();
        country = PhoneRegions.of(faces().getExternalContext().getRequestLocale());
    }

    /** "Change number": the fresh proof first, then the new number. */
    public void begin() {
        if (!pageUser.isStillSignedIn() || freshProof.missingFor(new ChangeNumber(null))) {
            return;
        }
        stage = Stage.NUMBER;
    }

    /** The change carries on once the person confirmed it's them. */
    void proven(@Observes Proven proven) {
        if (proven.change() instanceof ChangeNumber change) {
            if (change.numberField() == null) {
                stage = Stage.NUMBER;
            } else {
                // The proof came in a later request: the number's field is found again by its client id.
                sendCode(faces().getViewRoot().findComponent(change.numberField()));
            }
        }
    }

    /**
     * A code to the new number.
     *
     * @param phoneField where the page shows a refusal of the number
     */
    public void sendCode(UIComponent phoneField) {
        if (!pageUser.isStillSignedIn() || freshProof.missingFor(new ChangeNumber(phoneField.getClientId(faces())))) {
            return;
        }
        NumberChangeStep step = numberChanges.start(userId, phone, language());
        if (step.is(State.CODE_SENT)) {
            awaitCode(step);
            Messages.info(Words.of("number.codeSent", step.maskedNumber()));
        } else {
            Messages.error(phoneField, refusal(step));
        }
    }

    /**
     * The code sent to the new number: the right one puts it in place of the old one.
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
        NumberChangeStep step = numberChanges.confirm(userId, pendingStep.verificationId(), code);
        code = null;
        if (step.is(State.CHANGED)) {
            // Other sessions ended with the change; this one, which proved it, stays.
            sessions.keepThisSession(request());
            reset();
            changes.fire(new SettingsChanged());
            Messages.info(Words.of("number.changed", step.maskedNumber()));
        } else {
            offerNewCode = step.offerNewCode();
            Messages.error(codeField, refusal(step));
        }
    }

    /** "Send a new code" to the new number. */
    public void sendNewCode() {
        if (!pageUser.isStillSignedIn() || pendingStep == null) {
            return;
        }
        NumberChangeStep step = numberChanges.resend(userId, phone, language());
        if (step.is(State.CODE_SENT)) {
            awaitCode(step);
            Messages.info(Words.of("security.newCodeSent", step.maskedNumber()));
        } else {
            Messages.error(null, refusal(step));
        }
    }

    /** "Call me instead": the code read out in a call to the new number. */
    public void callInstead() {
        if (!pageUser.isStillSignedIn() || pendingStep == null) {
            return;
        }
        NumberChangeStep step = numberChanges.call(userId, phone, language());
        if (step.is(State.CODE_SENT)) {
            awaitCode(step);
            Messages.info(Words.of("code.calling", step.maskedNumber()));
        } else {
            Messages.error(null, refusal(step));
        }
    }

    /** Gives the change up: the old number stays, the code to the new one stops working. */
    public void cancel() {
        if (!pageUser.isStillSignedIn()) {
            return;
        }
        numberChanges.abandon(userId);
        reset();
        Messages.info(Words.of("number.cancelled"));
    }

    private void awaitCode(NumberChangeStep step) {
        pendingStep = step;
        stage = Stage.CODE;
        offerNewCode = false;
    }

    private void reset() {
        stage = Stage.IDLE;
        pendingStep = null;
        phone = null;
        offerNewCode = false;
    }

    /** 2FA switched on or off in this page meanwhile: "Change number" is there only while it is on. */
    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) SettingsChanged changed) {
        twoFactorOn = shown.get().status().enabled();
        hasNumber = shown.get().hasNumber();
        if (!twoFactorOn) {
            reset();
        }
    }

    static String refusal(NumberChangeStep step) {
        return step.refusal() == NumberChangeStep.Refusal.CODE_PROBLEM ? Words.of(step.problem()) : Words.of(step.refusal());
    }

    private Locale language() {
        return faces().getViewRoot().getLocale();
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces().getExternalContext().getRequest();
    }

    public List<Region> getCountries() {
        return countries.in(language());
    }

    public boolean isShown() {
        return twoFactorOn;
    }

    /**
     * Whether there is a number to change; without one (removed while the app or a passkey stayed) the
     * same steps add one: "Add a phone number".
     */
    public boolean isHasNumber() {
        return hasNumber;
    }

    public boolean isAskingNumber() {
        return stage == Stage.NUMBER;
    }

    public boolean isAwaitingCode() {
        return stage == Stage.CODE;
    }

    public String getCodeSentTo() {
        return pendingStep == null ? null : pendingStep.maskedNumber();
    }

    public boolean isOfferNewCode() {
        return offerNewCode;
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

    /**
     * Looked up per request, not injected: this bean travels between cluster nodes with the session,
     * and an injected FacesContext's proxy cannot be read back there.
     */
    private static FacesContext faces() {
        return FacesContext.getCurrentInstance();
    }
}
