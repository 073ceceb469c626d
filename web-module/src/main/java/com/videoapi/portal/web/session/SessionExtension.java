package com.videoapi.portal.web.session;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * "Extend session", pressed in the warning of js/session-time.js: a request in the session starts
 * its idle timeout again (the container's own rule), so this only answers whether there is one.
 * 204 when the session goes on; 410 when it has ended (never a new one). A POST, as it changes how
 * long the session lasts; reachable half-way through a sign-in too (web.xml).
 */
@WebServlet(urlPatterns = SessionExtension.PATH)
public class SessionExtension extends HttpServlet {

    static final String PATH = "/session/extend";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        response.setStatus(session == null ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NO_CONTENT);
    }
}
