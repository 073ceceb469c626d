package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerLog;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every security event is on record, for the owner to see, and no secret is. */
class AuditTrailIT extends PortalTest {

    @Test
    void the_owner_sees_the_last_security_events_and_no_secret_anywhere() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("aud", number);
        browser.press("Sign out");
        waitOutResendCooldown();
        signIn(email, "a wrong password for the record");
        signIn(email, PASSWORD);
        String code = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", code).check("Trust this device").press("Verify");
        browser.open("/profile.xhtml");
        String events = browser.html().getElementById("recent-events").asNormalizedText();
        for (String expected : new String[] {"Signed in", "Device trusted", "Sign in code succeeded", "Code sent",
                "Sign in password failed", "Two factor enabled"}) {
            assertTrue(events.contains(expected), expected + " in " + events);
        }
        assertTrue(events.contains(masked(number)));
        assertTrue(events.contains("127.0.0.1"));
        assertTrue(browser.html().getByXPath("//table[@id='recent-events']/tbody/tr").size() <= 20);
        // Neither the page nor the server log holds the full number, the code or the password.
        String log = ServerLog.all();
        for (String secret : new String[] {number.substring(1), code + " ", PASSWORD}) {
            assertFalse(events.contains(secret), secret);
            assertFalse(log.contains(secret), "the log holds " + secret);
        }
    }
}
