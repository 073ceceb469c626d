package com.videoapi.portal.security.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the current request comes from, for the audit trail: the peer address as the server saw it
 * and the User-Agent. The product never reads {@code X-Forwarded-For}, which anyone can write; behind
 * a reverse proxy the server puts the client's address here, for requests from a proxy it trusts only
 * ({@code ear/src/main/wildfly/configure-proxy.cli}). The authentication mechanism, which sees every
 * request, fills it in.
 */
@RequestScoped
public class RequestOrigin {

    private String ip;
    private String userAgent;

    public void seen(HttpServletRequest request) {
        ip = request.getRemoteAddr();
        userAgent = request.getHeader("User-Agent");
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }
}
