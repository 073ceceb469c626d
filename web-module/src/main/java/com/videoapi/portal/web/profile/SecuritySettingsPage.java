package com.videoapi.portal.web.profile;

import com.videoapi.portal.account.phones.boundary.PhoneRegions;
import com.videoapi.portal.account.phones.boundary.PhoneRegions.Region;
import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.security.audit.boundary.AuditLog;
import com.videoapi.portal.security.passwords.boundary.PasswordChanges;
import com.videoapi.portal.security.signin.boundary.SignInSessions;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceView;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStatus;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStep.State;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.home.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Security Settings section of the profile: switching two-factor authentication on (number,
 * then code) and off (password, then a code unless on a trusted device), trusted devices, the
 * password, and the recent security events.
 *
 * <p>Switching on and revoking a device need a proof of identity from the last five minutes; when
 * it is older, the page asks for it first ("Confirm it's you"), then carries on. Every rule is in
 * the boundaries; this bean keeps where the person is in the form and turns outcomes into messages.
 */
@Named("securitySettings")
@ViewScoped
public class SecuritySettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** What a code on its way is for. */
    enum Awaiting { ENROLMENT, DISABLING, PROOF }

    @Inject
    TwoFactor twoFactor;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    PasswordChanges passwordChanges;

    @Inject
    AuditLog auditLog;

    @Inject
    SignInSessions sessions;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    private UUID userId;
    private String email;
    private TwoFactorStatus status;
    private boolean useTwoFactor;

    private String country;
    private String phone;
    private TwoFactorStep pendingStep;
    private Awaiting awaiting;
    private boolean offerNewCode;
    private String code;
    private String password;

    /** The change waiting for a fresh proof of identity: "enrol", or a device id to revoke. */
    private String afterProof;
    private String currentPassword;
    private String newPassword;

    @PostConstruct
    void load() {
        UserProfile profile = currentUser.getProfile();
        userId = profile.userId();
        email = profile.email();
        status = twoFactor.statusOf(userId);
        useTwoFactor = status.enabled();
        country = PhoneRegions.of(faces.getExternalContext().getRequestLocale());
    }

    /** Step 1 of switching on: send a code to the number typed. */
    public void submitNumber() {
        if (!useTwoFactor) {
            Messages.error(null, "Switch on Use 2FA first.");
            return;
        }
        if (needsProofFor("enrol")) {
            return;
        }
        TwoFactorStep step = twoFactor.startEnrolment(userId, phone, country);
        if (step.is(State.CODE_SENT)) {
            awaitCode(step, Awaiting.ENROLMENT);
            Messages.info("We sent a 6-digit code to " + step.maskedNumber() + ". Enter it below to confirm the number.");
        } else {
            Messages.error("security:phone", step.message());
        }
    }

    /** The code, for whatever it was sent for. */
    public void confirm() {
        if (pendingStep == null) {
            Messages.error(null, "Start again: send a code first.");
            return;
        }
        TwoFactorStep step = switch (awaiting) {
            case ENROLMENT -> twoFactor.confirmEnrolment(userId, pendingStep.verificationId(), code);
            case DISABLING -> twoFactor.confirmDisabling(userId, pendingStep.verificationId(), code);
            case PROOF -> twoFactor.confirmReauthentication(userId, pendingStep.verificationId(), code);
        };
        code = null;
        if (!step.is(State.DONE)) {
            offerNewCode = step.offerNewCode();
            Messages.error("security:code", step.message());
        } else if (awaiting == Awaiting.PROOF) {
            proven();
        } else {
            changed(step.message());
        }
    }

    /** A new code for the same step, replacing the earlier one. */
    public void sendNewCode() {
        if (awaiting == Awaiting.ENROLMENT) {
            TwoFactorStep step = twoFactor.resendEnrolmentCode(userId, phone, country);
            if (step.is(State.CODE_SENT)) {
                awaitCode(step, Awaiting.ENROLMENT);
                Messages.info("We sent a new code to " + step.maskedNumber() + ".");
            } else {
                Messages.error(null, step.message());
            }
            return;
        }
        pendingStep = null;
        Messages.error(null, "Enter your password again to get a new code.");
    }

    /** Switching off: the password (a fresh proof in itself), then a code unless on a trusted device. */
    public void turnOff() {
        TwoFactorStep step = twoFactor.startDisabling(userId, email, password, deviceCookie());
        password = null;
        if (step.is(State.DONE)) {
            changed(step.message());
        } else if (step.is(State.CODE_SENT)) {
            awaitCode(step, Awaiting.DISABLING);
            Messages.info("This device is not trusted, so we sent a 6-digit code to " + step.maskedNumber()
                    + ". Enter it below to turn off two-factor authentication.");
        } else {
            Messages.error("security:password", step.message());
        }
    }

    /** "Confirm it's you": the password, then a code where the device is not trusted. */
    public void confirmIdentity() {
        TwoFactorStep step = twoFactor.startReauthentication(userId, email, password, deviceCookie());
        password = null;
        if (step.is(State.DONE)) {
            proven();
        } else if (step.is(State.CODE_SENT)) {
            awaitCode(step, Awaiting.PROOF);
            Messages.info("We sent a 6-digit code to " + step.maskedNumber() + " to confirm it's you.");
        } else {
            Messages.error("security:proof-password", step.message());
        }
    }

    public void revoke(UUID deviceId) {
        if (needsProofFor(deviceId.toString())) {
            return;
        }
        if (trustedDevices.revoke(userId, deviceId)) {
            Messages.info("The device was revoked: signing in there needs a code again.");
        } else {
            Messages.error(null, "That device was revoked already.");
        }
    }

    public void changePassword() {
        PasswordChanges.Outcome outcome = passwordChanges.change(userId, email, currentPassword, newPassword);
        currentPassword = null;
        newPassword = null;
        if (outcome.changed()) {
            sessions.keepThisSession(request());
            sessions.provenNow(request());
            Messages.info(outcome.message());
        } else {
            Messages.error("password-change:new-password", outcome.message());
        }
    }

    private boolean needsProofFor(String change) {
        if (sessions.hasFreshProof(request())) {
            return false;
        }
        afterProof = change;
        Messages.info("For your security, confirm it's you before this change.");
        return true;
    }

    private void proven() {
        sessions.provenNow(request());
        pendingStep = null;
        awaiting = null;
        String change = afterProof;
        afterProof = null;
        if ("enrol".equals(change)) {
            submitNumber();
        } else if (change != null) {
            revoke(UUID.fromString(change));
        }
    }

    private void awaitCode(TwoFactorStep step, Awaiting purpose) {
        pendingStep = step;
        awaiting = purpose;
        offerNewCode = false;
    }

    /** 2FA switched on or off: other sessions ended, this one stays; the switch proved identity. */
    private void changed(String message) {
        sessions.keepThisSession(request());
        sessions.provenNow(request());
        pendingStep = null;
        awaiting = null;
        offerNewCode = false;
        phone = null;
        status = twoFactor.statusOf(userId);
        useTwoFactor = status.enabled();
        Messages.info(message);
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    private String deviceCookie() {
        return TrustedDeviceCookie.read(request()).orElse(null);
    }

    public List<TrustedDeviceView> getTrustedDevices() {
        return trustedDevices.of(userId, deviceCookie());
    }

    public List<AuditLog.Entry> getRecentEvents() {
        return auditLog.latestOf(userId, 20);
    }

    public List<Region> getCountries() {
        return PhoneRegions.all(Locale.ENGLISH);
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** "SIGN_IN_CODE_FAILED" as "Sign in code failed". */
    public String describe(Enum<?> kind) {
        String words = kind.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public boolean isAwaitingCode() {
        return pendingStep != null;
    }

    public boolean isAwaitingProof() {
        return afterProof != null && pendingStep == null;
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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
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
