package com.videoapi.portal.security.administration.boundary;

import com.videoapi.portal.account.users.boundary.UserProfile;
import com.videoapi.portal.account.users.boundary.Users;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.boundary.Step;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.twofactor.boundary.TwoFactorStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import javax.management.ObjectName;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The operators' console: registers itself as {@value TwoFactorAdministrationMXBean#OBJECT_NAME}
 * when the application starts and leaves when it stops. Each operation finds the user by e-mail
 * address and goes through the same boundaries as the pages, so the same rules and audit apply; the
 * operator is the management user the server authenticated for the call ({@link ManagementUser}).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TwoFactorAdministration implements TwoFactorAdministrationMXBean {

    @Inject
    Users users;

    @Inject
    TwoFactor twoFactor;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    Guards guards;

    @Inject
    SecurityEvents events;

    private Optional<ObjectName> name = Optional.empty();

    @PostConstruct
    void register() {
        name = ConsoleEntries.register(this, OBJECT_NAME, "The operators' console");
    }

    @PreDestroy
    void unregister() {
        ConsoleEntries.unregister(name, "The operators' console");
    }

    @Override
    public String status(String email) {
        return forUser(email, (userId, operator) -> {
            // Looking is audited too: the user's number and devices are personal data.
            events.fire(Kind.STATUS_VIEWED, userId, null, "by operator " + operator);
            TwoFactorStatus status = twoFactor.statusOf(userId);
            String on = status.maskedNumber() == null ? "enabled, no number (the app or a passkey only)"
                    : "enabled, codes to " + status.maskedNumber();
            return "2FA " + (status.enabled() ? on : "disabled")
                    + "; trusted devices: " + trustedDevices.of(userId, null).size()
                    + "; password step " + lockOf(userId, Step.PASSWORD)
                    + "; code step " + lockOf(userId, Step.CODE);
        });
    }

    @Override
    public String resetTwoFactor(String email) {
        return forUser(email, (userId, operator) -> {
            twoFactor.reset(userId, operator);
            return "2FA reset: off, number forgotten, trusted devices revoked, passkeys removed, sessions ended";
        });
    }

    @Override
    public String revokeTrustedDevices(String email) {
        return forUser(email, (userId, operator) ->
                trustedDevices.revokeAll(userId, "by operator " + operator) + " trusted device(s) revoked");
    }

    @Override
    public String unlock(String email) {
        return forUser(email, (userId, operator) -> {
            guards.unlock(userId, "by operator " + operator);
            return "Password and code steps unlocked";
        });
    }

    private String lockOf(UUID userId, Step step) {
        return guards.lockedUntil(userId, step).map(until -> "locked until " + until).orElse("not locked");
    }

    /**
     * Runs the operation for the user with that e-mail address, as the authenticated management user.
     * Refused when the server names none: the audit trail must say who acted.
     */
    private String forUser(String email, BiFunction<UUID, String, String> action) {
        String operator = ManagementUser.current().orElseThrow(() -> new SecurityException(
                "No authenticated management user for this call: connect over the server's management connection"
                        + " (WildFly) or its JMX connector (Payara) as a management user"));
        Optional<UserProfile> user = users.findByEmail(email);
        return user.map(u -> action.apply(u.userId(), operator)).orElse("No user with that e-mail address");
    }
}
