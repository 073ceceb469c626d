package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.authenticator.boundary.Authenticators;
import com.videoapi.portal.security.passkeys.boundary.Ceremony;
import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import com.videoapi.portal.security.verification.boundary.StartedVerification;
import com.videoapi.portal.security.verification.boundary.Verifications;
import com.videoapi.portal.security.verification.boundary.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Locale;
import java.util.Optional;

/**
 * What the code page may do with a sign-in whose password step is done: look at it, have a new code
 * sent or read out in a call (to the stored number only: nothing in the request chooses where), or
 * give it up.
 */
@ApplicationScoped
public class SecondStep {

    @Inject
    TwoFactor twoFactor;

    @Inject
    Verifications verifications;

    @Inject
    Authenticators authenticators;

    @Inject
    Passkeys passkeys;

    @Inject
    TrustedDevices trustedDevices;

    /** Session attribute: the passkey ceremony of this pending sign-in, the latest the passkey page began. */
    static final String PASSKEY_CEREMONY = Ceremony.class.getName();

    public Optional<PendingSignIn> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((PendingSignIn) session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE));
        } catch (IllegalStateException renamedOrEnded) {
            // The same answer posted twice: the other request signed in and renamed this session under us.
            return Optional.empty();
        }
    }

    /**
     * Sends a new code, replacing the earlier one; empty when there is no pending sign-in.
     *
     * @param language the person's language, for the text message
     */
    public Optional<PendingSignIn> sendNewCode(HttpServletRequest request, Locale language) {
        Optional<PendingSignIn> pending = pending(request);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        PendingSignIn before = pending.get();
        Optional<PhoneNumber> number = twoFactor.numberOf(before.userId());
        PendingSignIn after;
        if (number.isEmpty()) {
            // 2FA was switched off meanwhile: nothing to send; the person signs in again.
            after = before.withCode(null, before.maskedNumber(), CodeProblem.EXPIRED);
        } else {
            StartedVerification started = verifications.resend(before.userId(), Purpose.SIGN_IN, number.get(), language);
            after = before.withCode(started.verificationId(), started.maskedNumber(), started.problem());
        }
        request.getSession().setAttribute(PendingSignIn.SESSION_ATTRIBUTE, after);
        return Optional.of(after);
    }

    /**
     * "Call me instead": the stored number is called and a new code read out, replacing the earlier
     * one; empty when there is no pending sign-in. Its own cooldown and the same budgets as a text
     * ({@link Verifications#call}).
     *
     * @param language the person's language, for the voice
     */
    public Optional<PendingSignIn> callInstead(HttpServletRequest request, Locale language) {
        Optional<PendingSignIn> pending = pending(request);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        PendingSignIn before = pending.get();
        Optional<PhoneNumber> number = twoFactor.numberOf(before.userId());
        PendingSignIn after;
        if (number.isEmpty()) {
            after = before.withCode(null, before.maskedNumber(), CodeProblem.EXPIRED);
        } else {
            StartedVerification started = verifications.call(before.userId(), Purpose.SIGN_IN, number.get(), language);
            if (!started.wasSent() && before.codeWasSent()) {
                // Refused (a cooldown, a budget, Vonage): the code already on its way stays good.
                return Optional.of(before.withCode(before.verificationId(), before.maskedNumber(), started.problem()));
            }
            after = before.withCode(started.verificationId(), started.maskedNumber(), started.problem());
        }
        request.getSession().setAttribute(PendingSignIn.SESSION_ATTRIBUTE, after);
        return Optional.of(after);
    }

    /** Seconds until "Send a new code" may send one (the resend cooldown); zero when it may now. */
    public long secondsUntilNewCode(HttpServletRequest request) {
        return pending(request).map(p -> verifications.untilNextCode(p.userId(), Purpose.SIGN_IN).toSeconds() + 1)
                .filter(s -> s > 1).orElse(0L);
    }

    /**
     * Whether the pending sign-in's user has an authenticator app, to offer it as another way: as the
     * password step found it ({@link PendingSignIn.Offers}; read now for a sign-in begun before they were kept).
     */
    public boolean hasAuthenticator(HttpServletRequest request) {
        return pending(request).map(p -> p.offers() != null ? p.offers().app() : authenticators.of(p.userId()).isPresent())
                .orElse(false);
    }

    /**
     * Whether the pending sign-in's user has a number for codes: without one (removed while the app or
     * a passkey stays) no page offers a text message or a call.
     */
    public boolean hasNumber(HttpServletRequest request) {
        return pending(request).flatMap(p -> twoFactor.numberOf(p.userId())).isPresent();
    }

    /** Whether the pending sign-in's user has a passkey, offered first; as {@link #hasAuthenticator}. */
    public boolean hasPasskey(HttpServletRequest request) {
        return pending(request).map(p -> p.offers() != null ? p.offers().passkey() : passkeys.any(p.userId())).orElse(false);
    }

    /** How many days "Trust this device" trusts the browser for; as {@link #hasAuthenticator}. */
    public long trustDays(HttpServletRequest request) {
        return pending(request).map(PendingSignIn::offers).map(PendingSignIn.Offers::trustDays)
                .orElseGet(() -> trustedDevices.trustPeriod().toDays());
    }

    /**
     * Begins a passkey ceremony for the pending sign-in, replacing any earlier one of this session;
     * empty when there is no pending sign-in or its user has no passkey.
     *
     * @return the options for the page's script
     */
    public Optional<String> passkeyCeremony(HttpServletRequest request) {
        Optional<PendingSignIn> pending = pending(request);
        if (pending.isEmpty() || !passkeys.any(pending.get().userId())) {
            return Optional.empty();
        }
        Ceremony ceremony = passkeys.startSignIn(pending.get().userId());
        request.getSession().setAttribute(PASSKEY_CEREMONY, ceremony);
        return Optional.of(ceremony.options());
    }

    /** Takes this session's passkey ceremony, if any: a response answers it once. */
    static Ceremony takePasskeyCeremony(HttpSession session) {
        Ceremony ceremony = (Ceremony) session.getAttribute(PASSKEY_CEREMONY);
        session.removeAttribute(PASSKEY_CEREMONY);
        return ceremony;
    }

    /** Gives up the pending sign-in, and its code. */
    public void abandon(HttpServletRequest request) {
        pending(request).ifPresent(p -> verifications.cancelAll(p.userId(), Purpose.SIGN_IN));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
            session.removeAttribute(PASSKEY_CEREMONY);
        }
    }
}
