package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.signin.control.SignedInCaller;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in session, as pages may see and change it: who signed in, whether they proved it
 * recently enough for a sensitive change ({@code twofactor.fresh-proof}, 5 minutes), keeping this
 * session when the user's other sessions end, and signing out.
 */
@ApplicationScoped
public class SignInSessions {

    @Inject
    Guards guards;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "twofactor.fresh-proof")
    Duration freshProof;

    /** Read at each new session: a running server takes a new value for the sessions that start after. */
    @Inject
    @ConfigProperty(name = "session.idle-timeout")
    Provider<Duration> idleTimeout;

    @Inject
    @ConfigProperty(name = "session.absolute-lifetime")
    Duration absoluteLifetime;

    /** How long a session lasts without a request ({@code session.idle-timeout}); each request starts it again. */
    public Duration idleTimeout() {
        return idleTimeout.get();
    }

    /**
     * How long until this signed-in session ends whatever its person does ({@code session.absolute-lifetime}
     * after signing in); empty when nobody is signed in in it.
     */
    public Optional<Duration> untilAbsoluteEnd(HttpServletRequest request) {
        return caller(request).map(c -> Duration.between(clock.instant(), c.signedInAt().plus(absoluteLifetime)));
    }

    public Optional<SignedInCaller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller
                ? Optional.of(caller) : Optional.empty();
    }

    /** The user this session is signed in as, if it is. */
    public Optional<UUID> userId(HttpServletRequest request) {
        return caller(request).map(SignedInCaller::userId);
    }

    /**
     * Whether the session is signed in as this user. A page stays open while its browser signs in
     * as someone else (another tab, a sign-in form opened earlier): a page built for one user asks
     * this before it changes anything.
     */
    public boolean isSignedInAs(HttpServletRequest request, UUID userId) {
        return caller(request).map(c -> c.userId().equals(userId)).orElse(false);
    }

    /**
     * Whether this user, signed in in this session, proved who they are within the last five
     * minutes: a proof that someone else gave in this browser counts for nobody else.
     */
    public boolean hasFreshProof(HttpServletRequest request, UUID userId) {
        return caller(request).filter(c -> c.userId().equals(userId))
                .map(c -> c.provenAt().plus(freshProof).isAfter(clock.instant())).orElse(false);
    }

    /**
     * Records that this user just proved who they are again (password, and a code where needed);
     * nothing when the session is signed in as someone else now.
     */
    public void provenNow(HttpServletRequest request, UUID userId) {
        caller(request).filter(c -> c.userId().equals(userId))
                .ifPresent(c -> request.getSession().setAttribute(SignedInCaller.SESSION_ATTRIBUTE,
                        c.provenAgainAt(clock.instant())));
    }

    /**
     * After a change that ended the user's other sessions: this one, which made the change, stays. So
     * it does when the change revoked the trusted device it signed in from (2FA off, a new password):
     * the person just proved who they are in it.
     */
    public void keepThisSession(HttpServletRequest request) {
        caller(request).ifPresent(c -> request.getSession().setAttribute(SignedInCaller.SESSION_ATTRIBUTE,
                c.withEpoch(guards.sessionEpoch(c.userId()))
                        .fromDevice(c.deviceId() != null && trustedDevices.stillTrusted(c.deviceId()) ? c.deviceId() : null)));
    }

    /**
     * "Sign out everywhere": every session of the user ends, this one included, and so does every
     * sign-in of theirs still under way (the session epoch moves on).
     */
    public void signOutEverywhere(HttpServletRequest request) throws ServletException {
        caller(request).ifPresent(c -> {
            guards.endSessions(c.userId());
            events.fire(Kind.SIGNED_OUT, c.userId(), null, "everywhere");
        });
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    public void signOut(HttpServletRequest request) throws ServletException {
        caller(request).ifPresent(c -> events.fire(Kind.SIGNED_OUT, c.userId()));
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
