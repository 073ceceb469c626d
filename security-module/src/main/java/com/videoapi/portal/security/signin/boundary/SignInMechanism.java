package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.security.signin.control.AccountIdentityStore;
import com.videoapi.portal.security.signin.control.SignedInCaller;
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

import java.util.logging.Logger;

/**
 * The product's one Jakarta Security authentication mechanism: every request passes here.
 *
 * <ul>
 *   <li>A sign-in page calls {@code SecurityContext.authenticate} with a
 *       {@link UsernamePasswordCredential}; a valid one makes the caller authenticated, under a new
 *       session id (no session fixation).</li>
 *   <li>A session that was authenticated carries a {@link SignedInCaller}; the mechanism tells the
 *       container about it on each request. Sessions are ours rather than
 *       {@code @AutoApplySession}'s, so that a second sign-in step can sit between password and
 *       authentication.</li>
 *   <li>Any other request for a protected page is sent to the sign-in page.</li>
 * </ul>
 *
 * <p>WildFly needs {@code integrated-jaspi=false} on its {@code other} application security domain
 * for this mechanism's ad-hoc identities (see {@code ear/src/main/wildfly/configure-security.cli}).
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";

    /** The role of every signed-in person; pages check it rather than the principal. */
    public static final String USER_ROLE = AccountIdentityStore.USER_GROUP;

    private static final Logger EVENTS = Logger.getLogger("com.videoapi.portal.security.events");

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            return signIn(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInCaller.SESSION_ATTRIBUTE) instanceof SignedInCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            EVENTS.info("Sign-in refused at the password step");
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession();
        request.changeSessionId();
        SignedInCaller caller = new SignedInCaller(result.getCallerPrincipal().getName(), result.getCallerGroups());
        session.setAttribute(SignedInCaller.SESSION_ATTRIBUTE, caller);
        EVENTS.info("Sign-in succeeded");
        return context.notifyContainerAboutLogin(result);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedInCaller.SESSION_ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
