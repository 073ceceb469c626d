package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.TlsReverseProxy;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal behind a reverse proxy that terminates TLS ({@link TlsReverseProxy}), with the test server
 * set up by {@code configure-proxy.cli} to trust that proxy's address only. Browsers reach the proxy from
 * 127.0.0.3, the proxy reaches the server from 127.0.0.2, every other client comes from 127.0.0.1.
 */
@WildFlyOnly("configure-proxy.cli is WildFly's (an Undertow filter); the Payara test domain trusts no proxy"
        + " (docs/operating-payara.md)")
class BehindAProxyIT extends PortalTest {

    private static final String CLIENT_ADDRESS = "127.0.0.3";
    private static final String DEVICE_COOKIE_OVER_HTTPS = "__Host-" + TRUSTED_DEVICE_COOKIE;

    private static TlsReverseProxy proxy;

    @BeforeAll
    static void startProxy() {
        proxy = TlsReverseProxy.startInFrontOfThePortal();
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** From now on this test's browser is a person's behind the proxy, on a machine of their own. */
    private void browseThroughTheProxy() {
        browser.close();
        browser = new Browser(proxy.url()).acceptingAnyCertificate().from(CLIENT_ADDRESS);
    }

    @Test
    void through_a_tls_proxy_the_cookies_are_secure_the_device_cookie_is_host_only_and_hsts_is_sent() {
        browseThroughTheProxy();
        // 1. A person signs up, switches 2FA on, signs out, and signs in with a code, trusting this browser.
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("proxied", number);
        browser.press("Sign out");
        waitOutResendCooldown();
        signInWithCode(email, number, true);
        // 2. The redirects kept to the proxy's address and scheme (X-Forwarded-Proto, -Host, -Port believed).
        assertTrue(browser.html().getUrl().toString().startsWith(proxy.url()), browser.html().getUrl().toString());
        assertEquals("/", browser.path());
        // 3. HSTS on the page.
        assertTrue(String.valueOf(browser.html().getWebResponse().getResponseHeaderValue("Strict-Transport-Security"))
                .startsWith("max-age="));
        // 4. The session cookie: Secure, HttpOnly, SameSite=Lax, every time it was set.
        List<Map<String, String>> sessionCookies = setCookies("JSESSIONID");
        assertFalse(sessionCookies.isEmpty());
        for (Map<String, String> session : sessionCookies) {
            assertTrue(session.containsKey("secure"), "JSESSIONID " + session);
            assertTrue(session.containsKey("httponly"), "JSESSIONID " + session);
            assertEquals("lax", session.get("samesite"), "JSESSIONID " + session);
        }
        // 5. The device cookie: __Host- prefixed, so Secure, Path=/ and no Domain; HttpOnly, SameSite=Lax.
        List<Map<String, String>> deviceCookies = setCookies(DEVICE_COOKIE_OVER_HTTPS);
        assertEquals(1, deviceCookies.size(), String.valueOf(browser.setCookieHeaders()));
        Map<String, String> device = deviceCookies.get(0);
        assertTrue(device.containsKey("secure"), device.toString());
        assertTrue(device.containsKey("httponly"), device.toString());
        assertEquals("lax", device.get("samesite"), device.toString());
        assertEquals("/", device.get("path"), device.toString());
        assertFalse(device.containsKey("domain"), device.toString());
        assertTrue(setCookies(TRUSTED_DEVICE_COOKIE).isEmpty(), "no unprefixed device cookie over HTTPS");
        // 6. The audit trail has the person's address, which only the trusted proxy could tell the server.
        browser.open("/profile.xhtml");
        String events = browser.html().getElementById("recent-events").asNormalizedText();
        assertTrue(events.contains(CLIENT_ADDRESS), events);
        assertFalse(events.contains(TlsReverseProxy.address()), events);
        // 7. The prefixed cookie is read: the password alone signs this browser in.
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
    }

    @Test
    void forwarded_headers_from_anyone_but_the_proxy_are_not_believed() {
        // 1. A client that talks to the server directly claims another address and HTTPS.
        browser.header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https");
        String email = uniqueEmail("forger");
        signUp("Forger", email);
        browser.press("Sign out");
        signIn(email, "a wrong password for the record");
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        // 2. Plain HTTP it stays: no HSTS, no Secure cookie, redirects to http.
        assertTrue(browser.html().getUrl().toString().startsWith(baseUrl()), browser.html().getUrl().toString());
        assertNull(browser.html().getWebResponse().getResponseHeaderValue("Strict-Transport-Security"));
        List<String> all = browser.setCookieHeaders();
        assertFalse(all.isEmpty());
        for (String cookie : all) {
            assertFalse(attributes(cookie).containsKey("secure"), cookie);
        }
        // 3. The audit trail has the address the connection came from, not the claimed one.
        browser.open("/profile.xhtml");
        String events = browser.html().getElementById("recent-events").asNormalizedText();
        assertTrue(events.contains("Sign in password failed"), events);
        assertTrue(events.contains("127.0.0.1"), events);
        assertFalse(events.contains("203.0.113.7"), events);
    }

    @Test
    void a_browser_trusted_before_the_prefix_stays_trusted_and_moves_to_the_prefixed_cookie() {
        // 1. Over plain HTTP a person trusts a browser: its cookie has the name without prefix.
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("legacy", number);
        browser.press("Sign out");
        waitOutResendCooldown();
        signInWithCode(email, number, true);
        Cookie legacy = browser.cookie(TRUSTED_DEVICE_COOKIE);
        assertNotNull(legacy);
        // 2. The same browser, now behind the TLS proxy (as after an operator put the portal behind one).
        browseThroughTheProxy();
        browser.cookies().addCookie(new Cookie("127.0.0.1", TRUSTED_DEVICE_COOKIE, legacy.getValue(), "/", null, false, true));
        // 3. The password alone signs in: the old name is still read.
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        // 4. The rotated token came in the prefixed cookie, and the old one was deleted.
        assertEquals(1, setCookies(DEVICE_COOKIE_OVER_HTTPS).size(), String.valueOf(browser.setCookieHeaders()));
        List<String> oldName = browser.setCookieHeaders().stream()
                .filter(header -> header.startsWith(TRUSTED_DEVICE_COOKIE + "=")).toList();
        assertEquals(1, oldName.size(), String.valueOf(browser.setCookieHeaders()));
        Map<String, String> deletion = attributes(oldName.get(0));
        assertTrue("0".equals(deletion.get("max-age")) || String.valueOf(deletion.get("expires")).contains("1970"),
                "deleted: " + oldName);
        assertNull(browser.cookie(TRUSTED_DEVICE_COOKIE), "expired: " + oldName);
        assertNotNull(browser.cookie(DEVICE_COOKIE_OVER_HTTPS));
        // 5. And the prefixed cookie alone keeps the browser trusted.
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
    }

    /** The attributes of each Set-Cookie for {@code name} this test's browser received. */
    private List<Map<String, String>> setCookies(String name) {
        return browser.setCookieHeaders().stream()
                .filter(header -> header.startsWith(name + "="))
                .map(BehindAProxyIT::attributes)
                .toList();
    }

    /** A Set-Cookie's attributes, names in lower case ({@code secure}, {@code path}, ...), values as sent. */
    private static Map<String, String> attributes(String setCookie) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int equals = part.indexOf('=');
            String attribute = (equals < 0 ? part : part.substring(0, equals)).toLowerCase(Locale.ROOT);
            attributes.put(attribute, equals < 0 ? "" : part.substring(equals + 1).toLowerCase(Locale.ROOT));
        }
        return attributes;
    }
}
