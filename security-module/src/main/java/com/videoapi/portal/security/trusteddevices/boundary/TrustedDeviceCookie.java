package com.videoapi.portal.security.trusteddevices.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookie that marks a trusted browser: {@code HttpOnly} (no script reads it), {@code SameSite=Lax}
 * (not sent with cross-site posts), {@code Path=/}, and {@code Secure} when the request came over
 * HTTPS, so that behind TLS it never travels in clear.
 */
public final class TrustedDeviceCookie {

    public static final String NAME = "portal_trusted_device";

    private TrustedDeviceCookie() {
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String token, Duration lifetime) {
        response.addCookie(cookie(request, token, (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds())));
    }

    public static void remove(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath("/");
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
