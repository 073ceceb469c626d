package com.videoapi.portal.security.trusteddevices.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The device cookie's name over HTTP and HTTPS, and the move from the old name to the {@code __Host-} one. */
class TrustedDeviceCookieTest {

    @Test
    void over_https_the_prefixed_cookie_wins_over_one_of_the_old_name() {
        HttpServletRequest request = request(true, new Cookie(TrustedDeviceCookie.NAME, "planted"),
                new Cookie(TrustedDeviceCookie.HTTPS_NAME, "ours"));
        assertEquals(Optional.of("ours"), TrustedDeviceCookie.read(request));
    }

    @Test
    void a_browser_trusted_before_the_prefix_is_still_recognised() {
        assertEquals(Optional.of("old"), TrustedDeviceCookie.read(request(true, new Cookie(TrustedDeviceCookie.NAME, "old"))));
        assertEquals(Optional.empty(), TrustedDeviceCookie.read(request(true)));
    }

    @Test
    void over_https_the_new_token_goes_into_the_host_only_cookie_and_the_old_name_is_deleted() {
        List<Cookie> written = new ArrayList<>();
        TrustedDeviceCookie.write(request(true, new Cookie(TrustedDeviceCookie.NAME, "old")), response(written), "new",
                Duration.ofDays(30));
        assertEquals(2, written.size());
        Cookie device = written.get(0);
        assertEquals(TrustedDeviceCookie.HTTPS_NAME, device.getName());
        assertEquals("new", device.getValue());
        assertTrue(device.getSecure());
        assertTrue(device.isHttpOnly());
        assertEquals("/", device.getPath());
        assertNull(device.getDomain());
        assertEquals("Lax", device.getAttribute("SameSite"));
        assertEquals(30 * 24 * 3600, device.getMaxAge());
        Cookie deletion = written.get(1);
        assertEquals(TrustedDeviceCookie.NAME, deletion.getName());
        assertEquals(0, deletion.getMaxAge());
    }

    @Test
    void over_plain_http_it_keeps_the_name_without_prefix_and_is_not_secure() {
        List<Cookie> written = new ArrayList<>();
        TrustedDeviceCookie.write(request(false, new Cookie(TrustedDeviceCookie.NAME, "old")), response(written), "new",
                Duration.ofDays(30));
        assertEquals(1, written.size());
        assertEquals(TrustedDeviceCookie.NAME, written.get(0).getName());
        assertFalse(written.get(0).getSecure());
    }

    /** A request as the servlet container hands it over: only its cookies and whether it is secure are asked. */
    private static HttpServletRequest request(boolean secure, Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(TrustedDeviceCookieTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "isSecure" -> secure;
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(List<Cookie> written) {
        return (HttpServletResponse) Proxy.newProxyInstance(TrustedDeviceCookieTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, arguments) -> {
                    if (!"addCookie".equals(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    written.add((Cookie) arguments[0]);
                    return null;
                });
    }
}
