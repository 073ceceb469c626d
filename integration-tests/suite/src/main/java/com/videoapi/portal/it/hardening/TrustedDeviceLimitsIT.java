package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a trusted device may leave behind: a session that outlives the device's revocation, and a pile
 * of old devices nobody looks at any more, each a way in with the password alone.
 */
class TrustedDeviceLimitsIT extends PortalTest {

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    @Test
    void revoking_a_trusted_device_ends_the_session_it_signed_in_and_no_other() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("laptop", number);
        browser.press("Sign out");
        try (Browser laptop = new Browser(baseUrl()); Browser phone = new Browser(baseUrl())) {
            // 1. The laptop is trusted, then signs in with the password alone: a session the device started.
            waitOutResendCooldown();
            signInWithCode(laptop, email, number, true);
            laptop.press("Sign out");
            laptop.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/", laptop.path(), "signed in on the trusted laptop without a code: " + laptop.text());
            // 2. The phone signs in with a code, without trusting itself.
            waitOutResendCooldown();
            signInWithCode(phone, email, number, false);
            assertEquals("/", phone.path(), phone.text());
            // 3. The laptop is lost: its owner signs in here and revokes it.
            waitOutResendCooldown();
            signInWithCode(browser, email, number, false);
            browser.open("/profile.xhtml").press("Revoke");
            assertTrue(browser.shows("The device was revoked"), browser.describe());
            // 4. Whoever has the laptop is signed out; the phone and this browser are not.
            laptop.open("/profile.xhtml");
            assertEquals("/signin.xhtml", laptop.path(), "the laptop's session outlived its device: " + laptop.text());
            phone.open("/profile.xhtml");
            assertEquals("/profile.xhtml", phone.path(), phone.text());
            browser.open("/profile.xhtml");
            assertEquals("/profile.xhtml", browser.path(), browser.describe());
        }
    }

    @Test
    void an_eleventh_trusted_device_drops_the_oldest_and_the_audit_says_so() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("browsers", number);
        browser.press("Sign out");
        long logBefore = ServerLog.size();
        List<Browser> devices = new ArrayList<>();
        try {
            for (int i = 1; i <= 11; i++) {
                // Past the sign-in code budgets (5 an hour, 10 a day to the number): a person clearing
                // cookies now and then, not a burst.
                advanceServerClock(i == 10 ? Duration.ofHours(25) : Duration.ofMinutes(15));
                Browser device = new Browser(baseUrl());
                devices.add(device);
                signInWithCode(device, email, number, true);
                assertEquals("/", device.path(), "device " + i + ": " + device.text());
            }
            // 1. Security Settings lists ten devices.
            Browser newest = devices.get(10);
            newest.open("/profile.xhtml");
            assertEquals(10, newest.html().getByXPath("//input[@value='Revoke']").size(), newest.text());
            // 2. The oldest needs the code again; the second oldest still stands in for it.
            Browser oldest = devices.get(0);
            oldest.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/signin-code.xhtml", oldest.path(), "the oldest device is still trusted: " + oldest.text());
            Browser secondOldest = devices.get(1);
            secondOldest.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/", secondOldest.path(), secondOldest.text());
            // 3. The audit trail says why the oldest went.
            String log = ServerLog.since(logBefore);
            assertTrue(log.contains("DEVICE_REVOKED") && log.contains("the oldest of 10 trusted devices, dropped for a new one"),
                    "audit of the dropped device in the server log");
        } finally {
            devices.forEach(Browser::close);
        }
    }

    /** Signs in {@code device} with the password and the code the fake Verify API "sent". */
    private void signInWithCode(Browser device, String email, String number, boolean trustIt) {
        device.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
        device.fillIn("Verification code", verifyApi.lastCodeSentTo(number));
        if (trustIt) {
            device.check("Trust this device");
        }
        device.press("Verify");
    }
}
