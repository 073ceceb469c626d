package com.videoapi.portal.security.retention.boundary;

import com.videoapi.portal.security.addresses.boundary.AddressVerifications;
import com.videoapi.portal.security.administration.boundary.ConsoleEntries;
import com.videoapi.portal.security.administration.boundary.ManagementUser;
import com.videoapi.portal.security.audit.boundary.AuditRetention;
import com.videoapi.portal.security.guards.boundary.AddressThrottles;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.notices.boundary.AccountSecuring;
import com.videoapi.portal.security.passwordreset.boundary.PasswordResets;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceRetention;
import com.videoapi.portal.security.verification.boundary.VerificationRetention;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.management.ObjectName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

/**
 * Keeps security data no longer than needed (GDPR storage limitation): every hour, and when an
 * operator asks ({@link RetentionMXBean}), forgets
 * <ul>
 *   <li>verifications never finished, the send log and the development channel's codes, after
 *       {@code twofactor.verification.retention} (P2D; at least an hour, so no code in use goes);</li>
 *   <li>trusted devices, {@code twofactor.trusted-device.retention} (P30D) after they expired or were revoked;</li>
 *   <li>audit events after {@code audit.retention} (P400D);</li>
 *   <li>send-budget counters that no budget window sums any more (a day and an hour);</li>
 *   <li>the counters of the per-address throttles and of the cooldowns, idle for a day and a bit;</li>
 *   <li>password attempts by source (client addresses) not seen for {@code signin.password-source.retention}
 *       (P30D) and not locked;</li>
 *   <li>mailed links (password reset, "This wasn't me", address verification and change), used or not,
 *       a day after they expired: until then their page still says "used" or "expired".</li>
 * </ul>
 * In batches of {@value #BATCH} rows, each in a transaction of its own, so that no lock on these hot
 * tables is held for long; at most {@value #MOST_BATCHES} batches of a kind per run, the rest at the
 * next. The timer is not persistent: every node runs it. That is safe, because each delete names its
 * rows and checks their age again (a row goes once, the other node deletes nothing), and cheap, because
 * an idle purge reads one index per table.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention implements RetentionMXBean {

    static final int BATCH = 500;
    static final int MOST_BATCHES = 200;
    private static final Duration SHORTEST_VERIFICATION_RETENTION = Duration.ofHours(1);
    private static final Duration MAILED_LINKS_KEPT = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    VerificationRetention verifications;

    @Inject
    TrustedDeviceRetention devices;

    @Inject
    AuditRetention audit;

    @Inject
    Guards guards;

    @Inject
    AddressThrottles throttles;

    @Inject
    PasswordResets passwordResets;

    @Inject
    AccountSecuring securing;

    @Inject
    AddressVerifications addressLinks;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "twofactor.verification.retention")
    Duration verificationRetention;

    @Inject
    @ConfigProperty(name = "twofactor.trusted-device.retention")
    Duration deviceRetention;

    @Inject
    @ConfigProperty(name = "audit.retention")
    Duration auditRetention;

    @Inject
    @ConfigProperty(name = "signin.password-source.retention")
    Duration passwordSourceRetention;

    private Optional<ObjectName> name = Optional.empty();

    /** What one run forgot. */
    public record Forgotten(int verifications, int codeSends, int developmentCodes, int trustedDevices, int auditEvents,
                            int sendScopes, int passwordSources, int mailedLinks, int throttleScopes) {

        boolean nothing() {
            return verifications + codeSends + developmentCodes + trustedDevices + auditEvents + sendScopes
                    + passwordSources + mailedLinks + throttleScopes == 0;
        }

        @Override
        public String toString() {
            return "forgot " + verifications + " verifications, " + codeSends + " code sends, " + developmentCodes
                    + " development codes, " + trustedDevices + " trusted devices, " + auditEvents + " audit events, "
                    + sendScopes + " send counter scopes, " + passwordSources + " password sources, " + mailedLinks
                    + " mailed links, " + throttleScopes + " throttle counter scopes";
        }
    }

    @PostConstruct
    void register() {
        name = ConsoleEntries.register(this, OBJECT_NAME, "The purge");
    }

    @PreDestroy
    void unregister() {
        ConsoleEntries.unregister(name, "The purge");
    }

    @Schedule(hour = "*", minute = "23", persistent = false)
    void everyHour() {
        Forgotten forgotten = purge();
        if (!forgotten.nothing()) {
            LOG.info(() -> "Retention: " + forgotten);
        }
    }

    @Override
    public String purgeNow() {
        String operator = ManagementUser.current().orElseThrow(() -> new SecurityException(
                "No authenticated management user for this call"));
        Forgotten forgotten = purge();
        LOG.info(() -> "Retention, run by operator " + operator + ": " + forgotten);
        return forgotten.toString();
    }

    /** One run, at the portal's time; one at a time on this node (the timer and an operator may meet). */
    public synchronized Forgotten purge() {
        Instant now = clock.instant();
        Instant verificationsBefore = now.minus(max(verificationRetention, SHORTEST_VERIFICATION_RETENTION));
        Instant devicesBefore = now.minus(max(deviceRetention, Duration.ZERO));
        Instant auditBefore = now.minus(max(auditRetention, Duration.ZERO));
        Instant sourcesBefore = now.minus(max(passwordSourceRetention, Duration.ZERO));
        return new Forgotten(
                inBatches(() -> verifications.forgetVerificationsStartedBefore(verificationsBefore, BATCH)),
                inBatches(() -> verifications.forgetCodeSendsBefore(verificationsBefore, BATCH)),
                inBatches(() -> verifications.forgetDevelopmentCodesExpiredBefore(verificationsBefore, BATCH)),
                inBatches(() -> devices.forgetEndedBefore(devicesBefore, BATCH)),
                inBatches(() -> audit.forgetBefore(auditBefore, BATCH)),
                inBatches(() -> verifications.forgetIdleSendScopes(now, BATCH)),
                inBatches(() -> guards.forgetPasswordSourcesSeenBefore(sourcesBefore, now, BATCH)),
                // Reset, "This wasn't me" and address links a day after they expired: until then the page still says "expired".
                inBatches(() -> passwordResets.forgetExpiredBefore(now.minus(MAILED_LINKS_KEPT), BATCH))
                        + inBatches(() -> securing.forgetExpiredBefore(now.minus(MAILED_LINKS_KEPT), BATCH))
                        + inBatches(() -> addressLinks.forgetExpiredBefore(now.minus(MAILED_LINKS_KEPT), BATCH)),
                inBatches(() -> throttles.forgetIdleCounters(BATCH)));
    }

    /** Batches until one comes back short (or the run's share is done); each is a transaction of its own. */
    static int inBatches(IntSupplier batch) {
        int total = 0;
        for (int i = 0; i < MOST_BATCHES; i++) {
            int deleted = batch.getAsInt();
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        return total;
    }

    private static Duration max(Duration setting, Duration floor) {
        return setting.compareTo(floor) < 0 ? floor : setting;
    }
}
