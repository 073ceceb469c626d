package com.videoapi.portal.security.guards.boundary;

import com.videoapi.portal.security.guards.boundary.Throttled.Reason;
import com.videoapi.portal.security.guards.control.SharedWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * What one client address (an IPv6 address by its /64) may ask of the portal: password checks per
 * minute ({@code signin.password-checks-per-address-per-minute}) and sign-ups per hour
 * ({@code signup.per-address-per-hour}), "Forgot password?" requests per hour
 * ({@code passwordreset.per-address-per-hour}), and reset links mailed to one e-mail address per hour
 * ({@code passwordreset.per-email-per-hour}), all read at each request.
 *
 * <p>Counted in the database ({@link SharedWindows}), not in each node's memory: a limit that refuses
 * someone holds across the nodes of a cluster, however the balancer spreads one client's requests
 * (issue 13). Each check is a short transaction of its own before anything is looked up or hashed;
 * the per-account locks ({@link Guards}) come after it. What protects one node's CPU is
 * {@code HashingSlots}, per node by design.
 */
@ApplicationScoped
public class AddressThrottles {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    SharedWindows windows;

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
        count("password-checks:" + source, MINUTE, passwordChecksPerMinute.get(), Reason.PASSWORD_CHECKS_FROM_ADDRESS);
    }

    /**
     * Counts a sign-up from {@code source}.
     *
     * @throws Throttled when the source has had its sign-ups of the last hour
     */
    public void signUp(String source) {
        count("sign-ups:" + source, HOUR, signUpsPerHour.get(), Reason.SIGN_UPS_FROM_ADDRESS);
    }

    /**
     * Counts a "Forgot password?" request from {@code source}, whatever address it names.
     *
     * @throws Throttled when the source has had its requests of the last hour
     */
    public void passwordResetRequest(String source) {
        count("reset-requests:" + source, HOUR, resetRequestsPerHour.get(), Reason.PASSWORD_RESETS_FROM_ADDRESS);
    }

    /**
     * Counts a reset link for one e-mail address (normalised), known or not: false when the address
     * has had its links of the last hour. Silent, unlike the others: the page answers the same either
     * way, so the limit tells nobody whether the address has an account. The address is counted by
     * its SHA-256, so the counters hold no e-mail address.
     */
    public boolean passwordResetMail(String email) {
        return windows.hit("reset-mails:" + sha256(email), HOUR, resetMailsPerHour.get()).isEmpty();
    }

    /** Forgets up to {@code batch} counters (of the throttles and the cooldowns) idle for a day; how many went. */
    public int forgetIdleCounters(int batch) {
        return windows.forgetIdle(batch);
    }

    private void count(String scope, Duration window, int cap, Reason reason) {
        windows.hit(scope, window, cap).ifPresent(wait -> {
            throw new Throttled(reason, wait);
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java has SHA-256", missing);
        }
    }
}
