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
    Instance<RequestOrigin> origin;

    @Inject
    Clock clock;

    public void fire(Kind kind, UUID userId) {
        fire(kind, userId, null, null);
    }

    public void fire(Kind kind, UUID userId, String maskedNumber, String detail) {
        String ip = null;
        String userAgent = null;
        try {
            RequestOrigin from = origin.get();
            ip = from.ip();
            userAgent = from.userAgent();
        } catch (ContextNotActiveException noRequest) {
            // an operator's action over JMX, or a timer: no client to name
        }
        events.fire(new SecurityEvent(clock.instant(), kind, userId, maskedNumber, ip, userAgent, detail));
    }
}
