package com.videoapi.portal.security.mail.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute links that mails carry. A mail is read outside the portal, so its links cannot be
 * relative, and the host must not come from the request (a forged {@code Host} header would point a
 * reset link at an attacker's site): it is the configured {@code portal.base-url}, default
 * {@code http://localhost:8080/}.
 */
@ApplicationScoped
public class PortalLinks {

    public static final String BASE_URL = "portal.base-url";

    @Inject
    @ConfigProperty(name = BASE_URL)
    String baseUrl;

    /**
     * A link to a page of the portal with a token, e.g. {@code link("verify-email", token)} is
     * {@code http://localhost:8080/verify-email.xhtml?token=...}.
     *
     * @param page  the Facelets page's name, without {@code .xhtml}
     * @param token the token, URL-encoded here
     */
    public String link(String page, String token) {
        return of(baseUrl, page, token);
    }

    /** A link to a page without a token, e.g. {@code page("signin")}. */
    public String page(String page) {
        return base(baseUrl) + page + ".xhtml";
    }

    static String of(String baseUrl, String page, String token) {
        return base(baseUrl) + page + ".xhtml?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String base(String baseUrl) {
        String base = URI.create(baseUrl.strip()).toString();
        return base.endsWith("/") ? base : base + "/";
    }
}
