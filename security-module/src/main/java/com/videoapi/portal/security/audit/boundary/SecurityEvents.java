package com.videoapi.portal.security.audit.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

/**
 * Announces security events, stamped with the time and, within a web request, the client's address
 * and browser. The audit trail and the metrics observe them.
 */
@ApplicationScoped
public class SecurityEvents {

    @Inject
    Event<SecurityEvent> events;

    @Inject
    @WithChange
    Event<SecurityEvent> eventsWithChange;

    @Inject
    Instance<RequestOrigin> origin;

    @Inject
    Clock clock;

    public void fire(Kind kind, UUID userId) {
        fire(kind, userId, null, null);
    }

    public void fire(Kind kind, UUID userId, String maskedNumber, String detail) {
        events.fire(stamped(kind, userId, maskedNumber, detail));
    }

    /**
     * A successful step's event, written in the caller's transaction ({@link WithChange}): on record
     * when the step commits, and with no transaction of its own (issue 12: one each cost more CPU than
     * the step). Never for a refusal: its work may roll back, and the refusal must stay on record.
     */
    public void fireWithChange(Kind kind, UUID userId, String maskedNumber, String detail) {
        eventsWithChange.fire(stamped(kind, userId, maskedNumber, detail));
    }

    /** {@link #fireWithChange} without a number or detail. */
    public void fireWithChange(Kind kind, UUID userId) {
        fireWithChange(kind, userId, null, null);
    }

    private SecurityEvent stamped(Kind kind, UUID userId, String maskedNumber, String detail) {
        String ip = null;
        String userAgent = null;
        try {
            RequestOrigin from = origin.get();
            ip = from.ip();
            userAgent = from.userAgent();
        } catch (ContextNotActiveException noRequest) {
            // an operator's action over JMX, or a timer: no client to name
        }
        return new SecurityEvent(clock.instant(), kind, userId, maskedNumber, ip, userAgent, detail);
    }
}
