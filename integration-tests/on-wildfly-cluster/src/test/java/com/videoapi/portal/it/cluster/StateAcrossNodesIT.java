package com.videoapi.portal.it.cluster;

import org.htmlunit.html.HtmlForm;
import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerSetting;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one node began, the other carries on, and what decides security is the same on both: requests
 * sent to the nodes directly, past the balancer, alternating between them (issue 13, test 3): locks,
 * the session epoch, trusted devices, and the throttles per client address.
 */
class StateAcrossNodesIT extends PortalTest {

    private static final String REFUSED = "The email address or password is incorrect.";

    @Test
    void enabling_two_factor_started_on_one_node_is_confirmed_on_the_other() {
        browser = browser.at(Cluster.node(Cluster.A));
        String number = uniqueUkMobile();
        signUp("Enrols across nodes", uniqueEmail("enrol"));
        askForEnrolmentCode(number);
        assertTrue(browser.shows("Verification code"), browser.text());
        // The page's form (its Faces view state, kept in the session on A) is posted to B.
        sendFormsTo(Cluster.node(Cluster.B));
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertEquals(8080 + offsetOf(Cluster.B), port(browser), "answered by B");
        assertTrue(browser.shows("Two-factor authentication is enabled."), browser.text());
    }

    @Test
    void a_trusted_device_cookie_set_by_one_node_works_on_the_other() {
        browser = browser.at(Cluster.node(Cluster.A));
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("device", number);
        browser.press("Sign out");
        signInWithCode(email, number, true);
        assertEquals("/", browser.path());
        String setByA = browser.cookie(TRUSTED_DEVICE_COOKIE).getValue();
        browser.press("Sign out");

        browser = browser.at(Cluster.node(Cluster.B));
        long sent = codesSentTo(number);
        signIn(email, PASSWORD);
        assertEquals("/", browser.path(), "the password alone, on B: " + browser.text());
        assertEquals(sent, codesSentTo(number), "no code sent");
        assertNotNull(browser.cookie(TRUSTED_DEVICE_COOKIE));
        assertNotEquals(setByA, browser.cookie(TRUSTED_DEVICE_COOKIE).getValue(), "B rotated the token A set");
    }

    @Test
    void wrong_passwords_spread_over_both_nodes_lock_the_account_on_both() {
        String email = uniqueEmail("lock");
        browser = browser.at(Cluster.node(Cluster.A));
        signUp("Locked across nodes", email);
        browser.press("Sign out");
        Browser onA = browser;
        Browser onB = browser.at(Cluster.node(Cluster.B));
        // Ten wrong passwords, five on each node: a lock counted per node would need ten on one.
        for (int i = 0; i < 10; i++) {
            browser = i % 2 == 0 ? onA : onB;
            browser.cookies().clearCookies();
            signIn(email, "wrong guess number " + i);
            assertTrue(browser.shows(REFUSED), browser.text());
        }
        for (Browser node : new Browser[] {onA, onB}) {
            browser = node;
            signIn(email, PASSWORD);
            assertEquals("/signin.xhtml", browser.path(), "locked on " + browser.html().getUrl());
            assertTrue(browser.shows(REFUSED));
        }
    }

    @Test
    void password_checks_from_one_address_spread_over_both_nodes_reach_one_limit() {
        // Four checks a minute per address, on both nodes; the address is this test's own.
        String perMinute = "signin.password-checks-per-address-per-minute";
        String testServers = System.getProperty("it.password-checks-per-address-per-minute", "100000");
        try (ServerSetting onA = ServerSetting.setOn(Cluster.managementPort(Cluster.A), perMinute, "4", testServers);
             ServerSetting onB = ServerSetting.setOn(Cluster.managementPort(Cluster.B), perMinute, "4", testServers);
             Browser toA = new Browser(Cluster.node(Cluster.A)).from("127.0.0.41");
             Browser toB = new Browser(Cluster.node(Cluster.B)).from("127.0.0.41")) {
            // 1. Four guesses, alternating a, b, a, b: each node has seen two, and each is checked (and refused)...
            for (int i = 0; i < 4; i++) {
                Browser node = i % 2 == 0 ? toA : toB;
                node.open("/signin.xhtml").fillIn("Email", uniqueEmail("spread")).fillIn("Password", "guess " + i)
                        .press("Sign in");
                assertTrue(node.shows(REFUSED), "guess " + i + ": " + node.text());
            }
            // 2. ...and the fifth is not, on either node: the four were counted once, for the cluster.
            for (Browser node : new Browser[] {toA, toB}) {
                node.open("/signin.xhtml").fillIn("Email", uniqueEmail("spread")).fillIn("Password", "one more")
                        .press("Sign in");
                assertEquals(429, node.status(), node.html().getUrl() + ": " + node.text());
                assertTrue(node.shows("Too many passwords were tried from your network just now."), node.text());
            }
        }
    }

    @Test
    void signing_out_everywhere_on_one_node_ends_the_session_signed_in_on_the_other() {
        String email = uniqueEmail("everywhere");
        browser = browser.at(Cluster.node(Cluster.A));
        signUp("Signed out across nodes", email);
        browser.press("Sign out");
        Browser onB = new Browser(Cluster.node(Cluster.B));
        try {
            onB.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/", onB.path());
            signIn(email, PASSWORD);
            browser.open("/profile.xhtml").press("Sign out everywhere");
            onB.open("/profile.xhtml");
            assertEquals("/signin.xhtml", onB.path(), "the session B keeps ended with the epoch A moved on");
        } finally {
            onB.close();
        }
    }

    /** Makes every form of the current page post to the same path on {@code nodeUrl}. */
    private void sendFormsTo(String nodeUrl) {
        for (HtmlForm form : browser.html().getForms()) {
            String action = form.getActionAttribute();
            String path = action.startsWith("http") ? action.replaceFirst("^https?://[^/]+/", "") : action.replaceFirst("^/", "");
            form.setActionAttribute(nodeUrl + path);
        }
    }

    private static int offsetOf(String node) {
        return Integer.parseInt(System.getProperty("it.cluster.node-" + node + ".port-offset"));
    }

    private static int port(Browser browser) {
        URL url = browser.html().getUrl();
        return url.getPort();
    }
}
