package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.security.verification.control.Refusal;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this node last saw a portal-wide SMS ceiling refuse a code ({@code twofactor.enrolment-sends-per-hour},
 * {@code twofactor.sends-per-hour}): for the WARNING log line, written once an hour per ceiling
 * rather than at every refused code, and for a detail of the readiness check. A ceiling reached is
 * not a reason to take the node out of service: every node shares it, and sign-in without a code
 * (trusted devices, accounts without 2FA) still works.
 */
@ApplicationScoped
public class SendCeilings {

    /** How long a ceiling reached stays in the readiness data, and how often it is logged. */
    static final Duration SHOWN_FOR = Duration.ofHours(1);

    private final Map<Refusal, Instant> lastReached = new ConcurrentHashMap<>();
    private final Map<Refusal, Instant> lastReported = new ConcurrentHashMap<>();

    /**
     * Records that {@code ceiling} refused a code at {@code at}.
     *
     * @return whether to log it: the first time, or the first time an hour after the last report
     */
    public boolean reached(Refusal ceiling, Instant at) {
        lastReached.merge(ceiling, at, (before, now) -> now.isAfter(before) ? now : before);
        boolean[] report = {false};
        lastReported.compute(ceiling, (which, before) -> {
            report[0] = before == null || !at.isBefore(before.plus(SHOWN_FOR));
            return report[0] ? at : before;
        });
        return report[0];
    }

    /**
     * The readiness details: for each ceiling reached within the last hour, e.g.
     * {@code sms-enrolment-ceiling} → {@code reached at 2026-11-30T01:02:03Z (twofactor.enrolment-sends-per-hour)}.
     */
    public Map<String, String> details(Instant now) {
        Map<String, String> details = new TreeMap<>();
        lastReached.forEach((ceiling, at) -> {
            if (!now.isBefore(at) && now.isBefore(at.plus(SHOWN_FOR))) {
                details.put(ceiling == Refusal.ENROL_CEILING ? "sms-enrolment-ceiling" : "sms-code-ceiling",
                        "reached at " + at + " (" + (ceiling == Refusal.ENROL_CEILING
                                ? "twofactor.enrolment-sends-per-hour" : "twofactor.sends-per-hour") + ")");
            }
        });
        return details;
    }
}
