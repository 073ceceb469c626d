package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import com.videoapi.portal.security.mail.boundary.MailKind;
import com.videoapi.portal.security.mail.boundary.MailOutcome;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.verification.boundary.VerificationCall;
import com.videoapi.portal.security.verification.boundary.CodeChannel;
import com.videoapi.portal.security.verification.boundary.SmsOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The portal's meters, in the server's Micrometer registry (on WildFly, scraped in Prometheus format
 * at {@code http://localhost:9990/prometheus}, where dots become underscores, counters end in
 * {@code _total} and timers in {@code _seconds}):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 *   <tr><td>{@value #SIGN_INS}</td><td>counter</td><td>{@code step} (password, code, trusted_device),
 *       {@code outcome} (succeeded, failed)</td><td>sign-in steps, from {@link SecurityEvent}s</td></tr>
 *   <tr><td>{@value #LOCKS}</td><td>counter</td><td></td><td>accounts locked</td></tr>
 *   <tr><td>{@value #SECURITY_EVENTS}</td><td>counter</td><td>{@code kind} ({@link SecurityEvent.Kind} names)</td>
 *       <td>every security event</td></tr>
 *   <tr><td>{@value #CODES_SENT}</td><td>counter</td><td>{@code channel} (vonage, development)</td>
 *       <td>codes the channel accepted to send, for any purpose</td></tr>
 *   <tr><td>{@value #CODE_CHECKS}</td><td>counter</td><td>{@code channel}, {@code outcome} (confirmed,
 *       wrong_code, expired_or_used_up, not_found, unavailable, ...)</td><td>codes checked with the channel</td></tr>
 *   <tr><td>{@value #CHANNEL_CALLS}</td><td>timer</td><td>{@code channel}, {@code operation} (start, check,
 *       cancel), {@code outcome}</td><td>how long the channel (Vonage Verify) took</td></tr>
 *   <tr><td>{@value #CHANNEL_ERRORS}</td><td>counter</td><td>{@code channel}, {@code operation},
 *       {@code status} (HTTP status, or none), {@code reason}</td><td>calls the channel refused or failed</td></tr>
 *   <tr><td>{@value #SMS_SENT}</td><td>counter</td><td>{@code purpose} (enrol, sign_in, disable, new_number,
 *       reauthenticate), {@code region} (ISO 3166, {@code 001} for a range of no country)</td><td>codes
 *       sent, as the portal asked the channel: Prometheus {@code portal_sms_sent_total}</td></tr>
 *   <tr><td>{@value #SMS_REFUSED}</td><td>counter</td><td>{@code reason} ({@code cooldown}, {@code call_cooldown}, {@code region},
 *       or the send budget spent: {@code enrol_user}, {@code enrol_user_numbers}, {@code enrol_number},
 *       {@code enrol_address}, {@code enrol_ceiling}, {@code code_user}, {@code code_user_number},
 *       {@code code_ceiling})</td><td>codes the portal's own rules refused: Prometheus
 *       {@code portal_sms_refused_total}</td></tr>
 *   <tr><td>{@value #MAIL_SENT}</td><td>counter</td><td>{@code kind} ({@link MailKind} names)</td><td>mails the
 *       SMTP server took: Prometheus {@code portal_mail_sent_total}</td></tr>
 *   <tr><td>{@value #MAIL_FAILED}</td><td>counter</td><td></td><td>mails given up after their retries:
 *       Prometheus {@code portal_mail_failed_total}</td></tr>
 *   <tr><td>{@value #TRUSTED_DEVICES}</td><td>gauge</td><td></td><td>trusted devices in use (not revoked,
 *       not expired), counted at most every {@link #TRUSTED_DEVICES_MAX_AGE}</td></tr>
 * </table>
 *
 * Tags hold only these fixed words (and ISO regions): never a user, a number or a free text, which
 * would also make the number of series unbounded.
 */
@ApplicationScoped
public class SecurityMetrics {

    public static final String SIGN_INS = "portal.sign_ins";
    public static final String LOCKS = "portal.locks";
    public static final String SECURITY_EVENTS = "portal.security.events";
    public static final String CODES_SENT = "portal.codes.sent";
    public static final String CODE_CHECKS = "portal.code.checks";
    public static final String CHANNEL_CALLS = "portal.verification.calls";
    public static final String CHANNEL_ERRORS = "portal.verification.errors";
    public static final String TRUSTED_DEVICES = "portal.trusted_devices.active";
    public static final String SMS_SENT = "portal.sms.sent";
    public static final String SMS_REFUSED = "portal.sms.refused";
    public static final String MAIL_SENT = "portal.mail.sent";
    public static final String MAIL_FAILED = "portal.mail.failed";

    /** Counting trusted devices is a query: scrapes in between get the last count. */
    static final Duration TRUSTED_DEVICES_MAX_AGE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    MeterRegistry registry;

    @Inject
    CodeChannel codeChannel;

    @Inject
    TrustedDevices trustedDevices;

    @Resource
    ManagedExecutorService executor;

    private final TrustedDeviceCount trustedDeviceCount = new TrustedDeviceCount();
    private final Map<List<String>, Meter> meters = new ConcurrentHashMap<>();

    /** Registers the meters up front, so that a scrape shows them at 0 before anything happened. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        for (String step : new String[] {"password", "code", "passkey"}) {
            counter(SIGN_INS, "step", step, "outcome", "succeeded");
            counter(SIGN_INS, "step", step, "outcome", "failed");
        }
        counter(SIGN_INS, "step", "trusted_device", "outcome", "succeeded");
        counter(LOCKS);
        counter(CODES_SENT, "channel", codeChannel.channel().tag());
        for (String reason : new String[] {"enrol_ceiling", "code_ceiling"}) {
            counter(SMS_REFUSED, "reason", reason);
        }
        counter(MAIL_FAILED);
        // The registry holds a gauge's object weakly: this bean holds it for the application's life.
        registry.gauge(TRUSTED_DEVICES, Tags.empty(), trustedDeviceCount, TrustedDeviceCount::value);
    }

    void on(@Observes SecurityEvent event) {
        counter(SECURITY_EVENTS, "kind", event.kind().name()).increment();
        switch (event.kind()) {
            case SIGN_IN_PASSWORD_SUCCEEDED -> counter(SIGN_INS, "step", "password", "outcome", "succeeded").increment();
            case SIGN_IN_PASSWORD_FAILED -> counter(SIGN_INS, "step", "password", "outcome", "failed").increment();
            case SIGN_IN_CODE_SUCCEEDED -> counter(SIGN_INS, "step", "code", "outcome", "succeeded").increment();
            case SIGN_IN_CODE_FAILED -> counter(SIGN_INS, "step", "code", "outcome", "failed").increment();
            case SIGN_IN_TRUSTED_DEVICE -> counter(SIGN_INS, "step", "trusted_device", "outcome", "succeeded").increment();
            case SIGN_IN_PASSKEY_SUCCEEDED -> counter(SIGN_INS, "step", "passkey", "outcome", "succeeded").increment();
            case SIGN_IN_PASSKEY_FAILED -> counter(SIGN_INS, "step", "passkey", "outcome", "failed").increment();
            case LOCKED -> counter(LOCKS).increment();
            default -> {
                // counted by kind only
            }
        }
    }

    void on(@Observes SmsOutcome outcome) {
        if (outcome.wasSent()) {
            counter(SMS_SENT, "purpose", outcome.purpose().name().toLowerCase(Locale.ROOT), "region", outcome.region()).increment();
        } else {
            counter(SMS_REFUSED, "reason", outcome.refusal()).increment();
        }
    }

    void on(@Observes MailOutcome mail) {
        if (mail.sent()) {
            counter(MAIL_SENT, "kind", mail.kind().name()).increment();
        } else {
            counter(MAIL_FAILED).increment();
        }
    }

    void on(@Observes VerificationCall call) {
        String channel = call.channel().tag();
        String operation = call.operation().name().toLowerCase(Locale.ROOT);
        timer(CHANNEL_CALLS, "channel", channel, "operation", operation, "outcome", call.outcome()).record(call.took());
        if (call.failed()) {
            String status = call.httpStatus() == 0 ? "none" : Integer.toString(call.httpStatus());
            counter(CHANNEL_ERRORS, "channel", channel, "operation", operation, "status", status, "reason", call.outcome())
                    .increment();
        }
        if (call.operation() == VerificationCall.Operation.START && !call.failed()) {
            counter(CODES_SENT, "channel", channel).increment();
        }
        if (call.operation() == VerificationCall.Operation.CHECK) {
            counter(CODE_CHECKS, "channel", channel, "outcome", call.outcome()).increment();
        }
    }

    /*
     * Through MeterRegistry.counter(name, tags) and timer(name, tags) rather than Counter.builder(...)
     * .register(registry): WildFly 39 gives each deployment an ApplicationRegistry that passes only
     * these calls on to the server's registry; a meter registered with a builder stays in the
     * deployment's own registry and never reaches /prometheus. Hence no descriptions, and no
     * histogram buckets on the timer (count, sum and max only). Looked up once per name and tags:
     * WildFly's lookup searches every meter of the server.
     */
    private Counter counter(String name, String... tags) {
        return (Counter) meters.computeIfAbsent(key(name, tags), k -> registry.counter(name, Tags.of(tags)));
    }

    private Timer timer(String name, String... tags) {
        return (Timer) meters.computeIfAbsent(key(name, tags), k -> registry.timer(name, Tags.of(tags)));
    }

    private static List<String> key(String name, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        return key;
    }

    /**
     * The last count of trusted devices. A scrape never waits for the database: when the count is
     * older than {@link #TRUSTED_DEVICES_MAX_AGE} it asks for a new one in the background and answers
     * with the last (NaN until the first count).
     */
    private final class TrustedDeviceCount {

        private final AtomicBoolean counting = new AtomicBoolean();
        private volatile double value = Double.NaN;
        private volatile long countedAt = System.nanoTime() - TRUSTED_DEVICES_MAX_AGE.toNanos() - 1;

        double value() {
            if (System.nanoTime() - countedAt > TRUSTED_DEVICES_MAX_AGE.toNanos() && counting.compareAndSet(false, true)) {
                try {
                    executor.execute(this::count);
                } catch (RejectedExecutionException e) {
                    counting.set(false);
                }
            }
            return value;
        }

        private void count() {
            try {
                value = trustedDevices.countActive();
                countedAt = System.nanoTime();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Trusted devices not counted: " + e);
            } finally {
                counting.set(false);
            }
        }
    }
}
