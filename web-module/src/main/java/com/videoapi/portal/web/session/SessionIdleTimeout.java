package com.videoapi.portal.web.session;

import com.videoapi.portal.security.signin.boundary.SignInSessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Gives every new session the idle timeout of {@code session.idle-timeout} (30 minutes), a setting
 * rather than web.xml's fixed value, so that the pages' warning ({@link SessionTime}) and the server
 * agree and an operator can choose it.
 */
@WebListener
public class SessionIdleTimeout implements HttpSessionListener {

    @Inject
    SignInSessions sessions;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(Math.toIntExact(sessions.idleTimeout().toSeconds()));
    }
}
