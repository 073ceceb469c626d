package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.platform.outage.DatabaseOutageRetry;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.guards.boundary.Throttled;
import com.videoapi.portal.security.signin.boundary.SignInStep.CodeNeeded;
import com.videoapi.portal.security.signin.boundary.SignInStep.CodeRefused;
import com.videoapi.portal.security.signin.boundary.SignInStep.SignedIn;
import com.videoapi.portal.security.signin.boundary.SignInStep.StartAgain;
import com.videoapi.portal.security.signin.control.AccountIdentityStore;
import com.videoapi.portal.security.signin.control.SignedInCaller;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.security.verification.boundary.CodeProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The product's one Jakarta Security authentication mechanism: every request passes here, and it
 * alone decides who the caller is.
 *
 * <ol>
 *   <li><b>Password.</b> The sign-in page calls {@code SecurityContext.authenticate} with a
 *       {@link UsernamePasswordCredential} (a {@link PasswordCredential} names the person's language
 *       too). A valid one for a user without 2FA, or from a browser that this user trusts
 *       ({@link TrustedDeviceCookie}), makes the caller authenticated. Otherwise a code is sent to
 *       the user's stored, verified number, the session becomes a {@link PendingSignIn} (still
 *       nobody), and the browser goes to the code page.</li>
 *   <li><b>Code.</b> The code page calls {@code authenticate} with a {@link SecondFactorCredential};
 *       only the right code for the pending sign-in makes the caller authenticated, and may mark the
 *       browser as trusted.</li>
 * </ol>
 * What each step means for the account is decided by {@link SignIns}, one transaction a step; this
 * class keeps the HTTP side: the session, the trusted-device cookie, redirects, telling the container.
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
    /** The code step with the authenticator app, and with a recovery code (issue 11). */
    public static final String APP_PAGE = "/signin-app.xhtml";
    public static final String RECOVERY_PAGE = "/signin-recovery.xhtml";
    public static final String PASSKEY_PAGE = "/signin-passkey.xhtml";

    /** Request attribute: the {@code Passkeys.Assertion} of a refused passkey step, for the page to show. */
    public static final String PASSKEY_PROBLEM = SignInMechanism.class.getName() + ".passkeyProblem";

    /** The role of every signed-in person; pages check it rather than the principal. */
    public static final String USER_ROLE = AccountIdentityStore.USER_GROUP;

    /**
     * Request attribute, set to {@code Boolean.TRUE} when a right password was refused because 2FA is on
     * and no number is stored ({@link SignInStep.SecondFactorMissing}), for the sign-in page to say so.
     */
    public static final String SECOND_FACTOR_MISSING = SignInMechanism.class.getName() + ".secondFactorMissing";

    /** Request attribute: the {@link CodeProblem} of a refused code step, for the page to show. */
    public static final String CODE_PROBLEM = SignInMechanism.class.getName() + ".codeProblem";

    /**
     * Request attribute: the {@link Throttled} that refused a password step before any check (too
     * many from the address, or the server too busy to hash), for the page to answer 429 or 503.
     */
    public static final String THROTTLED = SignInMechanism.class.getName() + ".throttled";

    /**
     * Request attribute, set on a refused step: the sign-in cannot finish because the account's
     * password, second factor or sessions changed meanwhile ({@link StartAgain}); the page says so.
     */
    public static final String START_AGAIN = SignInMechanism.class.getName() + ".startAgain";

    /**
     * Request attribute, set when a right password was refused because the account must reset its
     * password by e-mail first ({@link SignInStep.PasswordResetDemanded}); the page points to "Forgot password?".
     */
    public static final String PASSWORD_RESET_DEMANDED = SignInMechanism.class.getName() + ".passwordResetDemanded";

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    RequestOrigin origin;

    @Inject
    SignIns signIns;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "session.absolute-lifetime")
    Duration absoluteLifetime;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        origin.seen(request);
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential password) {
            // A sign-in form posted in a browser where someone is signed in (e.g. a tab opened earlier) does not
            // put another person into that session: the one signed in stays, and nothing is checked. WildFly
            // never reached this point then; Payara does, so the rule is written here for both.
            HttpSession current = request.getSession(false);
            if (current != null && current.getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
                Validity validity = stillValid(caller, true);
                if (validity == Validity.UNKNOWN) {
                    return tryAgainLater(response);
                }
                if (validity == Validity.VALID) {
                    return context.notifyContainerAboutLogin(caller.name(), caller.groups());
                }
            }
            return passwordStep(request, response, context, password);
        }
        if (context.isAuthenticationRequest() && credential instanceof SecondFactorCredential code) {
            return codeStep(request, response, context, code);
        }
        if (context.isAuthenticationRequest() && credential instanceof OtherFactorCredential other) {
            return otherFactorStep(request, response, context, other);
        }
        if (context.isAuthenticationRequest() && credential instanceof PasskeyCredential passkey) {
            return passkeyStep(request, response, context, passkey);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            Validity validity = stillValid(caller, context.isProtected());
            if (validity == Validity.UNKNOWN) {
                // Kept for when the database answers again; nothing behind the sign-in is served meanwhile.
                return tryAgainLater(response);
            }
            if (validity == Validity.VALID) {
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            session.invalidate();
            session = null;
        }
        if (context.isProtected()) {
            PendingSignIn halfWay = session == null ? null : (PendingSignIn) session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE);
            // Half-way: back to the code page, which sends a person offered a passkey on to that page.
            String page = halfWay == null ? SIGN_IN_PAGE : CODE_PAGE;
            return context.redirect(request.getContextPath() + page);
        }
        return context.doNothing();
    }

    /**
     * A session lives at most {@code session.absolute-lifetime} (12 hours) however active it is, and
     * ends when the user's session epoch moves on (2FA switched on or off, a new trusted device, a
     * new password, elsewhere), or when the trusted device it signed in from is revoked. The epoch and
     * the device, database reads, are checked where the account is: on protected requests, not on
     * every style sheet and public page.
     */
    private Validity stillValid(SignedInCaller caller, boolean protectedResource) {
        if (!clock.instant().isBefore(caller.signedInAt().plus(absoluteLifetime))) {
            return Validity.ENDED;
        }
        if (!protectedResource) {
            return Validity.VALID;
        }
        boolean current;
        try {
            current = signIns.stillSignedIn(caller);
        } catch (RuntimeException databaseOutOfReach) {
            // Fail closed: a session that cannot be checked (the database or its pool out of reach) may
            // have been ended meanwhile ("Sign out everywhere", a new password), so nothing behind the
            // sign-in is served; the person keeps the session and is asked to try again, as the web
            // module's outage page does (503, Retry-After).
            LOG.warning(() -> "Session epoch of user " + caller.userId() + " not checked, answered 503: " + databaseOutOfReach);
            return Validity.UNKNOWN;
        }
        return current ? Validity.VALID : Validity.ENDED;
    }

    /** Whether a signed-in session may go on: checked, ended, or not checkable now. */
    private enum Validity { VALID, ENDED, UNKNOWN }

    /** 503 with the outage page's Retry-After: the request goes no further than this mechanism. */
    private static AuthenticationStatus tryAgainLater(HttpServletResponse response) {
        response.setHeader("Retry-After", DatabaseOutageRetry.header());
        try {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException gone) {
            // The browser went away: nothing to answer.
        }
        // The mechanism has answered: the container sends the response as it is.
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus passwordStep(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context, UsernamePasswordCredential credential) {
        Locale language = credential instanceof PasswordCredential typed ? typed.language() : null;
        SignInStep step;
        try {
            step = signIns.passwordStep(credential, TrustedDeviceCookie.read(request).orElse(null), language);
        } catch (RuntimeException failure) {
            // Left to the page to answer (429 or 503), not to each server's own handling of a mechanism's exception.
            Throttled throttled = Throttled.behind(failure).orElseThrow(() -> failure);
            request.setAttribute(THROTTLED, throttled);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (step instanceof SignedIn signedIn) {
            return signedIn(request, response, context, signedIn);
        }
        if (step instanceof CodeNeeded codeNeeded) {
            if (codeNeeded.dropDeviceCookie()) {
                TrustedDeviceCookie.remove(request, response);
            }
            HttpSession session = newSessionId(request);
            session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
            session.setAttribute(PendingSignIn.SESSION_ATTRIBUTE, codeNeeded.pending());
            return context.redirect(request.getContextPath() + codeNeeded.page());
        }
        if (step instanceof SignInStep.PasskeyOffered offered) {
            if (offered.dropDeviceCookie()) {
                TrustedDeviceCookie.remove(request, response);
            }
            HttpSession session = newSessionId(request);
            session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
            session.setAttribute(PendingSignIn.SESSION_ATTRIBUTE, offered.pending());
            return context.redirect(request.getContextPath() + PASSKEY_PAGE);
        }
        if (step instanceof SignInStep.SecondFactorMissing) {
            request.setAttribute(SECOND_FACTOR_MISSING, Boolean.TRUE);
        } else if (step instanceof StartAgain) {
            request.setAttribute(START_AGAIN, Boolean.TRUE);
        } else if (step instanceof SignInStep.PasswordResetDemanded) {
            request.setAttribute(PASSWORD_RESET_DEMANDED, Boolean.TRUE);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus codeStep(HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context, SecondFactorCredential credential) {
        return secondStep(request, response, context, pending -> signIns.codeStep(pending, credential.code(),
                credential.trustThisDevice(), request.getHeader("User-Agent")));
    }

    /** The code step with the authenticator app or a recovery code: as {@link #codeStep}, another check. */
    private AuthenticationStatus otherFactorStep(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context, OtherFactorCredential credential) {
        return secondStep(request, response, context,
                pending -> signIns.otherFactorStep(pending, credential, request.getHeader("User-Agent")));
    }

    /** The second step of the pending sign-in, whichever factor {@code check} checks. */
    private AuthenticationStatus secondStep(HttpServletRequest request, HttpServletResponse response,
                                            HttpMessageContext context, Function<PendingSignIn, SignInStep> check) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        if (pending == null) {
            request.setAttribute(CODE_PROBLEM, CodeProblem.EXPIRED);
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignInStep step = check.apply(pending);
        if (step instanceof SignedIn signedIn) {
            return signedIn(request, response, context, signedIn);
        }
        if (step instanceof StartAgain) {
            session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
            request.setAttribute(START_AGAIN, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(CODE_PROBLEM, step instanceof CodeRefused refused ? refused.problem() : CodeProblem.WRONG_CODE);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus passkeyStep(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context, PasskeyCredential credential) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        if (pending == null) {
            request.setAttribute(CODE_PROBLEM, CodeProblem.EXPIRED);
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignInStep step = signIns.passkeyStep(pending, SecondStep.takePasskeyCeremony(session), credential.response());
        if (step instanceof SignedIn signedIn) {
            return signedIn(request, response, context, signedIn);
        }
        if (step instanceof StartAgain) {
            session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
            request.setAttribute(START_AGAIN, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(PASSKEY_PROBLEM, ((SignInStep.PasskeyRefused) step).outcome());
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A new session id, the caller in it, a rotated or new trusted-device cookie, and the container told. */
    private AuthenticationStatus signedIn(HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context, SignedIn signedIn) {
        if (signedIn.deviceCookie().isPresent()) {
            TrustedDeviceCookie.write(request, response, signedIn.deviceCookie().value(), signedIn.deviceCookie().lifetime());
        }
        HttpSession session = newSessionId(request);
        session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        session.removeAttribute(SecondStep.PASSKEY_CEREMONY);
        SignedInCaller caller = signedIn.caller();
        session.setAttribute(SignedInCaller.SESSION_ATTRIBUTE, caller);
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
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
