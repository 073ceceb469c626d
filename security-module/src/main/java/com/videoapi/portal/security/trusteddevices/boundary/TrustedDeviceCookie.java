package com.videoapi.portal.security.trusteddevices.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The cookie that marks a trusted browser: {@code HttpOnly} (no script reads it), {@code SameSite=Lax}
 * (not sent with cross-site posts), {@code Path=/}, no {@code Domain}.
 *
 * <p>Over HTTPS (directly, or behind a TLS proxy trusted by {@code configure-proxy.cli}) it is
 * {@code Secure} and named {@value #HTTPS_NAME}: browsers accept a {@code __Host-} cookie only from a
 * secure origin, for that host alone, so neither a sibling subdomain nor a plain-HTTP page can plant or
 * overwrite it (RFC 6265bis, cookie prefixes). Over plain HTTP (development) it keeps the name
 * {@value #NAME}.
 *
 * <p>Transition: browsers trusted before the prefix hold {@value #NAME} over HTTPS too. It is still
 * read (the prefixed one wins when both are sent), and the next write, at the next sign-in, replaces it
 * with the prefixed one and deletes it. Nobody is asked for a code because of the new name.
 */
public final class TrustedDeviceCookie {

    /** Its name over plain HTTP, and over HTTPS before the prefix. */
    public static final String NAME = "portal_trusted_device";

    /** Its name over HTTPS. */
    public static final String HTTPS_NAME = "__Host-" + NAME;

    private TrustedDeviceCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return value(cookies, HTTPS_NAME).or(() -> value(cookies, NAME));
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String token, Duration lifetime) {
        response.addCookie(cookie(request, nameFor(request), token, (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds())));
        if (request.isSecure() && value(request.getCookies(), NAME).isPresent()) {
            response.addCookie(cookie(request, NAME, "", 0));
        }
    }

    public static void remove(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, nameFor(request), "", 0));
        if (request.isSecure() && value(request.getCookies(), NAME).isPresent()) {
            response.addCookie(cookie(request, NAME, "", 0));
        }
    }

    private static String nameFor(HttpServletRequest request) {
        return request.isSecure() ? HTTPS_NAME : NAME;
    }

    private static Optional<String> value(Cookie[] cookies, String name) {
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    private static Cookie cookie(HttpServletRequest request, String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath("/");
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** The device id in a cookie value ({@code <device id>.<token>}), whatever its token; empty when it has none. */
    public static Optional<UUID> deviceIdOf(String cookieValue) {
        int dot = cookieValue == null ? -1 : cookieValue.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(cookieValue.substring(0, dot)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
