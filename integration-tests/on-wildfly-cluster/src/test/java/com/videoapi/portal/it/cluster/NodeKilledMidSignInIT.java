package com.videoapi.portal.it.cluster;

import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node dies between the password and the code: the pending sign-in lives on in the other node's
 * copy of the session, and the person finishes signing in there without noticing (issue 13, test 1).
 * Everything goes through the balancer, as a browser would.
 */
class NodeKilledMidSignInIT extends PortalTest {

    @Test
    void the_code_entered_after_the_node_that_checked_the_password_died_signs_in_on_the_other() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("kill", number);
        browser.press("Sign out");

        // The sign-in page opens a session; the balancer keeps it on the node its route names.
        browser.open("/signin.xhtml");
        String nodeA = Cluster.routeOf(browser.sessionId());
        browser.fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
        assertEquals("/signin-code.xhtml", browser.path());
        assertEquals(nodeA, Cluster.routeOf(browser.sessionId()), "the password was checked on the session's node");

        Cluster.kill(nodeA);
        try {
            // The person reads the code on their phone meanwhile; the balancer checks its nodes every 2 s
            // (configure-load-balancer.cli) and no longer sends requests to the dead one.
            pause(5_000);
            browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
            assertEquals("/", browser.path(), "the code was taken without a second password: " + browser.text());
            String nodeB = Cluster.other(nodeA);
            assertEquals(nodeB, Cluster.routeOf(browser.sessionId()), "served by the node that lived");
            // The signed-in caller is found again on the next request too, and the profile is theirs.
            browser.open("/profile.xhtml");
            assertEquals("/profile.xhtml", browser.path());
            assertTrue(browser.shows(email), browser.text());
            assertTrue(browser.shows("Sign out"));
        } finally {
            Cluster.start(nodeA);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
