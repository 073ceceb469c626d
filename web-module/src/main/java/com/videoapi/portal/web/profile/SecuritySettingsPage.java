package com.videoapi.portal.web.profile;

import com.videoapi.portal.account.phones.boundary.PhoneRegions;
import com.videoapi.portal.account.phones.boundary.PhoneRegions.Region;
import com.videoapi.portal.account.users.boundary.UserProfile;
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
 * then code) and off (password, then a code unless on a trusted device), and the trusted devices.
 * Every rule is in {@link TwoFactor} and {@link TrustedDevices}; this bean keeps where the person is
 * in the form and turns outcomes into messages.
 */
@Named("securitySettings")
@ViewScoped
public class SecuritySettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    TwoFactor twoFactor;

    @Inject
    TrustedDevices trustedDevices;

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
    /** The code on its way for switching on or off; null when none is awaited. */
    private TwoFactorStep pendingStep;
    private boolean disabling;
    private boolean offerNewCode;
    private String code;
    private String password;

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
        TwoFactorStep step = twoFactor.startEnrolment(userId, phone, country);
        if (step.is(State.CODE_SENT)) {
            pendingStep = step;
            disabling = false;
            offerNewCode = false;
            Messages.info("We sent a 6-digit code to " + step.maskedNumber() + ". Enter it below to confirm the number.");
        } else {
            Messages.error("security:phone", step.message());
        }
    }

    /** Step 2 of switching on or off: the code. */
    public void confirm() {
        if (pendingStep == null) {
            Messages.error(null, "Start again: send a code first.");
            return;
        }
        TwoFactorStep step = disabling
                ? twoFactor.confirmDisabling(userId, pendingStep.verificationId(), code)
                : twoFactor.confirmEnrolment(userId, pendingStep.verificationId(), code);
        code = null;
        if (step.is(State.DONE)) {
            finish(step.message());
        } else {
            offerNewCode = step.offerNewCode();
            Messages.error("security:code", step.message());
        }
    }

    /** A new code for the same step, replacing the earlier one. */
    public void sendNewCode() {
        if (disabling) {
            Messages.error(null, "Enter your password again to get a new code.");
            pendingStep = null;
            return;
        }
        submitNumber();
    }

    /** Switching off: the password, then (unless this device is trusted) a code. */
    public void turnOff() {
        TwoFactorStep step = twoFactor.startDisabling(userId, email, password, deviceToken());
        password = null;
        if (step.is(State.DONE)) {
            finish(step.message());
        } else if (step.is(State.CODE_SENT)) {
            pendingStep = step;
            disabling = true;
            offerNewCode = false;
            Messages.info("This device is not trusted, so we sent a 6-digit code to " + step.maskedNumber()
                    + ". Enter it below to turn off two-factor authentication.");
        } else {
            Messages.error("security:password", step.message());
        }
    }

    public void revoke(UUID deviceId) {
        if (trustedDevices.revoke(userId, deviceId)) {
            Messages.info("The device was revoked: signing in there needs a code again.");
        } else {
            Messages.error(null, "That device was revoked already.");
        }
    }

    private void finish(String message) {
        pendingStep = null;
        disabling = false;
        offerNewCode = false;
        phone = null;
        status = twoFactor.statusOf(userId);
        useTwoFactor = status.enabled();
        Messages.info(message);
    }

    private String deviceToken() {
        return TrustedDeviceCookie.read((HttpServletRequest) faces.getExternalContext().getRequest()).orElse(null);
    }

    public List<TrustedDeviceView> getTrustedDevices() {
        return trustedDevices.of(userId, deviceToken());
    }

    public List<Region> getCountries() {
        return PhoneRegions.all(Locale.ENGLISH);
    }

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    public boolean isAwaitingCode() {
        return pendingStep != null;
    }

    public String getCodeSentTo() {
        return pendingStep == null ? null : pendingStep.maskedNumber();
    }

    public boolean isDisabling() {
        return disabling;
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
}
