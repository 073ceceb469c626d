package com.videoapi.portal.web.session;

import com.videoapi.portal.security.signin.boundary.SignInSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Duration;

/**
 * What the page template tells js/session-time.js, which warns before the session ends (WCAG 2.2.1):
 * how long the session lasts without a request, when to warn, and, signed in, how long until the
 * absolute end that no activity extends. Every page with a session has it: a form's state, a sign-in
 * half-way, or a signed-in person.
 */
@Named("sessionTime")
@RequestScoped
public class SessionTime {

    /** The warning comes this long before the end at most, and never later than halfway. */
    static final Duration WARNING = Duration.ofMinutes(2);

    @Inject
    FacesContext faces;

    @Inject
    SignInSessions sessions;

    public boolean isActive() {
        return session() != null;
    }

    public int getIdleSeconds() {
        HttpSession session = session();
        try {
            return session == null ? 0 : session.getMaxInactiveInterval();
        } catch (IllegalStateException ended) {
            // Renamed or ended by another request of this person while this one ran: nothing to count down.
            return 0;
        }
    }

    /** At least 20 seconds before the end for any idle timeout of 40 s or more (WCAG 2.2.1: 20 s to answer). */
    public long getWarnSeconds() {
        return warnSeconds(getIdleSeconds());
    }

    static long warnSeconds(int idleSeconds) {
        return Math.min(WARNING.toSeconds(), idleSeconds / 2);
    }

    /** Seconds until a signed-in session ends however active (none when nobody is signed in). */
    public Long getAbsoluteEndSeconds() {
        return sessions.untilAbsoluteEnd(request()).map(Duration::toSeconds).orElse(null);
    }

    private HttpSession session() {
        return request().getSession(false);
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }
}
