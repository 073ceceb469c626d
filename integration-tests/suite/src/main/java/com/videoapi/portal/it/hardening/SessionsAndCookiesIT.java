package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attacks on sessions, cookies and the pages' framing and caching. */
class SessionsAndCookiesIT extends PortalTest {

    @Test
    void every_page_forbids_framing_sniffing_and_leaking_the_referrer() throws Exception {
        for (String path : List.of("/signin.xhtml", "/create-account.xhtml", "/signin-code.xhtml", "/expired.xhtml")) {
            HttpResponse<String> page = NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(baseUrl() + path.substring(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertFalse(page.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS only over HTTPS");
        }
    }

    @Test
    void over_https_cookies_are_secure_and_hsts_is_sent() throws Exception {
        // The server's own HTTPS listener (WildFly: 8443 plus the tests' port offset; Payara: it.https-port),
        // with its self-signed certificate.
        int port = Integer.getInteger("it.https-port", 8443 + Integer.getInteger("it.port-offset", 100));
        javax.net.ssl.SSLContext trustingEverything = javax.net.ssl.SSLContext.getInstance("TLS");
        trustingEverything.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) { }
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) { }
            public java.security.cert.X509Certificate[] getAcceptedIssuers() { return new java.security.cert.X509Certificate[0]; }
        }}, null);
        javax.net.ssl.SSLParameters noHostnameCheck = new javax.net.ssl.SSLParameters();
        noHostnameCheck.setEndpointIdentificationAlgorithm(null);
        HttpClient https = HttpClient.newBuilder().sslContext(trustingEverything).sslParameters(noHostnameCheck)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/signin.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertFalse(cookies.isEmpty());
        for (String cookie : cookies) {
            assertTrue(cookie.toLowerCase().contains("; secure"), cookie);
        }
    }

    @Test
    void pages_behind_sign_in_are_not_kept_in_the_browsers_cache() {
        signUp("No Store", uniqueEmail("nostore"));
        for (String path : List.of("/", "/profile.xhtml")) {
            browser.open(path);
            assertEquals("no-store", browser.html().getWebResponse().getResponseHeaderValue("Cache-Control"), path);
            assertTrue(browser.html().getWebResponse().getResponseHeaderValue("Content-Security-Policy")
                    .contains("frame-ancestors 'none'"), path);
        }
    }

    @WildFlyOnly("SameSite=Lax on JSESSIONID comes from WEB-INF/undertow-handlers.conf, which only WildFly reads;"
            + " Payara 6 ignores the Servlet 6 cookie attribute in web.xml too: its session cookie has no SameSite")
    @Test
    void the_session_cookie_is_http_only_same_site_and_never_in_a_url() {
        signUp("Cookies", uniqueEmail("cookie"));
        Cookie session = browser.cookie("JSESSIONID");
        assertNotNull(session);
        assertTrue(session.isHttpOnly());
        assertEquals("lax", String.valueOf(session.getSameSite()).toLowerCase());
        assertFalse(browser.html().asXml().toLowerCase().contains("jsessionid"), "no session id in links or forms");
    }

    @Test
    void a_session_ends_after_twelve_hours_however_busy() {
        signUp("Twelve Hours", uniqueEmail("twelve"));
        advanceServerClock(Duration.ofHours(6));
        assertEquals("/profile.xhtml", browser.open("/profile.xhtml").path());
        advanceServerClock(Duration.ofHours(6).plusMinutes(1));
        assertEquals("/signin.xhtml", browser.open("/profile.xhtml").path());
    }

    @Test
    void signing_out_ends_the_session_on_the_server() throws Exception {
        signUp("Sign Out", uniqueEmail("out"));
        String session = browser.sessionId();
        browser.press("Sign out");
        HttpResponse<String> replay = NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(baseUrl() + "profile.xhtml"))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, replay.statusCode());
        assertTrue(replay.headers().firstValue("Location").orElse("").endsWith("/signin.xhtml"));
    }

    @Test
    void a_copied_trusted_device_cookie_is_caught_when_either_copy_is_used_twice() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rot", number);
        browser.press("Sign out");
        // 1. The owner trusts this browser.
        waitOutResendCooldown();
        signInWithCode(email, number, true);
        Cookie stolen = browser.cookie(TRUSTED_DEVICE_COOKIE);
        browser.press("Sign out");
        // 2. The owner signs in with the password only: the token rotates.
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        assertNotEquals(stolen.getValue(), browser.cookie(TRUSTED_DEVICE_COOKIE).getValue());
        browser.press("Sign out");
        // 3. A thief with the old copy (and the password) is asked for the code; the device is revoked.
        //    (Past twofactor.trusted-device.rotation-grace: within it a double click may present it once more.)
        advanceServerClock(Duration.ofSeconds(11));
        try (Browser thief = new Browser(baseUrl())) {
            thief.cookies().addCookie(stolen);
            thief.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/signin-code.xhtml", thief.path());
        }
        // 4. So is the owner, whose rotated cookie belonged to the revoked device.
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
    }

    @Test
    void an_expired_trusted_device_is_not_trusted() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("exp", number);
        browser.press("Sign out");
        waitOutResendCooldown();
        signInWithCode(email, number, true);
        browser.press("Sign out");
        advanceServerClock(Duration.ofDays(30).plusMinutes(1));
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
    }
}
