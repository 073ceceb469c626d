package com.videoapi.portal.security.guards.boundary;

import com.videoapi.portal.security.guards.boundary.Throttled.Reason;
import com.videoapi.portal.security.guards.control.SlidingWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What one client address (an IPv6 address by its /64) may ask of this server: password checks per
 * minute ({@code signin.password-checks-per-address-per-minute}) and sign-ups per hour
 * ({@code signup.per-address-per-hour}), "Forgot password?" requests per hour
 * ({@code passwordreset.per-address-per-hour}), and reset links mailed to one e-mail address per hour
 * ({@code passwordreset.per-email-per-hour}), all read at each request.
 *
 * <p>Counted in this server's memory, not in the database: the throttle protects this server's
 * CPU from hashing for one client, and must cost nothing per request. With n nodes an address gets
 * n times the limit; the per-account locks ({@link Guards}) are in the database and hold across nodes.
 */
@ApplicationScoped
public class AddressThrottles {

    private final SlidingWindows passwordChecks = new SlidingWindows(Duration.ofMinutes(1));
    private final SlidingWindows signUps = new SlidingWindows(Duration.ofHours(1));
    private final SlidingWindows resetRequests = new SlidingWindows(Duration.ofHours(1));
    private final SlidingWindows resetMails = new SlidingWindows(Duration.ofHours(1));

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "signin.password-checks-per-address-per-minute")
    Provider<Integer> passwordChecksPerMinute;

    @Inject
    @ConfigProperty(name = "signup.per-address-per-hour")
    Provider<Integer> signUpsPerHour;

    @Inject
    @ConfigProperty(name = "passwordreset.per-address-per-hour")
    Provider<Integer> resetRequestsPerHour;

    @Inject
    @ConfigProperty(name = "passwordreset.per-email-per-hour")
    Provider<Integer> resetMailsPerHour;

    /**
     * Counts a password check from {@code source}, before anything is looked up or hashed.
     *
     * @throws Throttled when the source has had its checks of the last minute
     */
    public void passwordCheck(String source) {
        count(passwordChecks, source, passwordChecksPerMinute.get(), Reason.PASSWORD_CHECKS_FROM_ADDRESS);
    }

    /**
     * Counts a sign-up from {@code source}.
     *
     * @throws Throttled when the source has had its sign-ups of the last hour
     */
    public void signUp(String source) {
        count(signUps, source, signUpsPerHour.get(), Reason.SIGN_UPS_FROM_ADDRESS);
    }

    /**
     * Counts a "Forgot password?" request from {@code source}, whatever address it names.
     *
     * @throws Throttled when the source has had its requests of the last hour
     */
    public void passwordResetRequest(String source) {
        count(resetRequests, source, resetRequestsPerHour.get(), Reason.PASSWORD_RESETS_FROM_ADDRESS);
    }

    /**
     * Counts a reset link for one e-mail address (normalised), known or not: false when the address
     * has had its links of the last hour. Silent, unlike the others: the page answers the same either
     * way, so the limit tells nobody whether the address has an account.
     */
    public boolean passwordResetMail(String email) {
        return resetMails.hit(email, resetMailsPerHour.get(), clock.instant()).isEmpty();
    }

    private void count(SlidingWindows windows, String source, int cap, Reason reason) {
        Instant now = clock.instant();
        windows.hit(source, cap, now).ifPresent(wait -> {
            throw new Throttled(reason, wait);
        });
    }
}
