package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.signin.control.AccountIdentityStore;
import com.videoapi.portal.security.signin.control.SignedInCaller;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.verification.boundary.CheckedCode;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import com.videoapi.portal.security.verification.boundary.Verifications;
import com.videoapi.portal.security.verification.boundary.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The product's one Jakarta Security authentication mechanism: every request passes here, and it
 * alone decides who the caller is.
 *
 * <ol>
 *   <li><b>Password.</b> The sign-in page calls {@code SecurityContext.authenticate} with a
 *       {@link UsernamePasswordCredential}. A valid one for a user without 2FA, or from a browser
 *       that this user trusts ({@link TrustedDeviceCookie}), makes the caller authenticated.
 *       Otherwise a code is sent to the user's stored, verified number, the session becomes a
 *       {@link PendingSignIn} (still nobody), and the browser goes to the code page.</li>
 *   <li><b>Code.</b> The code page calls {@code authenticate} with a {@link SecondFactorCredential};
 *       only the right code for the pending sign-in makes the caller authenticated, and may mark the
 *       browser as trusted.</li>
 * </ol>
 * The session id changes at each step (no fixation). Wrong passwords and codes count towards the
 * user's lock ({@link Guards}); a trusted-device token is spent at each use. A session that is signed in carries a
 * {@link SignedInCaller}, which the mechanism reports to the container on each request; sessions are
 * ours rather than {@code @AutoApplySession}'s so that the code step can sit between password and
 * authentication. Any protected page asked for half-way sends the browser back to the code page;
 * asked for by nobody, to the sign-in page.
 *
 * <p>WildFly needs {@code integrated-jaspi=false} on its {@code other} application security domain
 * for this mechanism's ad-hoc identities (see {@code ear/src/main/wildfly/configure-security.cli}).
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    public static final String CODE_PAGE = "/signin-code.xhtml";

    /** The role of every signed-in person; pages check it rather than the principal. */
    public static final String USER_ROLE = AccountIdentityStore.USER_GROUP;

    /** Request attribute: the {@link CodeProblem} of a refused code step, for the page to show. */
    public static final String CODE_PROBLEM = SignInMechanism.class.getName() + ".codeProblem";

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    RequestOrigin origin;

    @Inject
    SecurityEvents events;

    @Inject
    Guards guards;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "session.absolute-lifetime")
    Duration absoluteLifetime;

    @Inject
    TwoFactor twoFactor;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    Verifications verifications;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        origin.seen(request);
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential password) {
            return passwordStep(request, response, context, password);
        }
        if (context.isAuthenticationRequest() && credential instanceof SecondFactorCredential code) {
            return codeStep(request, response, context, code);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            if (stillValid(caller, context.isProtected())) {
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            session.invalidate();
            session = null;
        }
        if (context.isProtected()) {
            boolean halfWay = session != null && session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE) != null;
            return context.redirect(request.getContextPath() + (halfWay ? CODE_PAGE : SIGN_IN_PAGE));
        }
        return context.doNothing();
    }

    /**
     * A session lives at most {@code session.absolute-lifetime} (12 hours) however active it is, and
     * ends when the user's session epoch moves on (2FA switched on or off, a new trusted device, a
     * new password, elsewhere). The epoch, a database read, is checked where the account is: on
     * protected requests, not on every style sheet and public page.
     */
    private boolean stillValid(SignedInCaller caller, boolean protectedResource) {
        if (!clock.instant().isBefore(caller.signedInAt().plus(absoluteLifetime))) {
            return false;
        }
        if (!protectedResource) {
            return true;
        }
        long epoch;
        try {
            epoch = guards.sessionEpoch(caller.userId());
        } catch (RuntimeException databaseOutOfReach) {
            // The epoch cannot be read: let the request on, where every page that reads or changes
            // the account fails the same way and the web module answers 503 ("try again"), rather
            // than a 500 from here. Nothing of the account is reachable without the database anyway.
            LOG.warning(() -> "Session epoch of user " + caller.userId() + " not checked: " + databaseOutOfReach);
            return true;
        }
        return caller.epoch() == epoch;
    }

    private AuthenticationStatus passwordStep(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context, UsernamePasswordCredential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        UUID userId = UUID.fromString(result.getCallerUniqueId());
        String callerName = result.getCallerPrincipal().getName();
        Optional<PhoneNumber> number = twoFactor.numberOf(userId);
        if (number.isEmpty()) {
            return signedIn(request, context, userId, callerName, result.getCallerGroups(), "password");
        }
        Optional<String> deviceCookie = TrustedDeviceCookie.read(request);
        if (deviceCookie.isPresent()) {
            TrustedDevices.Recognition device = trustedDevices.recognise(userId, deviceCookie.get());
            if (device.trusted()) {
                TrustedDeviceCookie.write(request, response, device.rotatedCookieValue(), trustedDevices.trustPeriod());
                events.fire(Kind.SIGN_IN_TRUSTED_DEVICE, userId);
                return signedIn(request, context, userId, callerName, result.getCallerGroups(), "password on a trusted device");
            }
            // Another user's, expired, revoked or spent: worthless, so the browser need not keep it.
            TrustedDeviceCookie.remove(request, response);
        }
        var started = verifications.start(userId, Purpose.SIGN_IN, number.get());
        HttpSession session = newSessionId(request);
        session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
        session.setAttribute(PendingSignIn.SESSION_ATTRIBUTE, new PendingSignIn(userId, callerName,
                result.getCallerGroups(), started.verificationId(), started.maskedNumber(), started.problem()));
        return context.redirect(request.getContextPath() + CODE_PAGE);
    }

    private AuthenticationStatus codeStep(HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context, SecondFactorCredential credential) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        if (pending == null) {
            request.setAttribute(CODE_PROBLEM, CodeProblem.EXPIRED);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CheckedCode checked = verifications.check(pending.verificationId(), pending.userId(), Purpose.SIGN_IN, credential.code());
        if (!checked.isConfirmed()) {
            events.fire(Kind.SIGN_IN_CODE_FAILED, pending.userId(), pending.maskedNumber(), checked.problem().name());
            request.setAttribute(CODE_PROBLEM, checked.problem());
            return AuthenticationStatus.SEND_FAILURE;
        }
        events.fire(Kind.SIGN_IN_CODE_SUCCEEDED, pending.userId(), pending.maskedNumber(), null);
        if (credential.trustThisDevice()) {
            String cookieValue = trustedDevices.trust(pending.userId(), request.getHeader("User-Agent"));
            TrustedDeviceCookie.write(request, response, cookieValue, trustedDevices.trustPeriod());
            // A new way in: every other session of the user ends (this one signs in just below).
            guards.endSessions(pending.userId());
        }
        session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        return signedIn(request, context, pending.userId(), pending.callerName(), pending.groups(), "password and code");
    }

    private AuthenticationStatus signedIn(HttpServletRequest request, HttpMessageContext context, UUID userId,
                                          String callerName, Set<String> groups, String how) {
        HttpSession session = newSessionId(request);
        session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        var now = clock.instant();
        session.setAttribute(SignedInCaller.SESSION_ATTRIBUTE,
                new SignedInCaller(userId, callerName, groups, guards.sessionEpoch(userId), now, now));
        events.fire(Kind.SIGNED_IN, userId, null, how);
        return context.notifyContainerAboutLogin(callerName, groups);
    }

    private static HttpSession newSessionId(HttpServletRequest request) {
        HttpSession session = request.getSession();
        request.changeSessionId();
        return session;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
            session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
