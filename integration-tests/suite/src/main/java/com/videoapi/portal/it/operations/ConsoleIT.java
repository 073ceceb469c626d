package com.videoapi.portal.it.operations;

import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerJmx;
import com.videoapi.portal.it.support.ServerLog;
import com.videoapi.portal.security.administration.boundary.TwoFactorAdministrationMXBean;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator helps a user from the server's console: the portal's MBean, reached as JConsole
 * reaches it ({@link ServerJmx}: WildFly's management connection, or Payara's JMX connector). The
 * audit trail names the management user the server authenticated: nobody types a name.
 */
class ConsoleIT extends PortalTest {

    @Test
    void an_operator_sees_the_status_lifts_a_lock_revokes_devices_and_resets_2fa_for_a_lost_phone() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("ops", number);
        browser.press("Sign out");
        waitOutResendCooldown();
        signInWithCode(email, number, true);
        browser.press("Sign out");
        for (int i = 0; i < 10; i++) {
            signIn(email, "not the password " + i);
        }
        long logBefore = ServerLog.size();
        TwoFactorAdministrationMXBean admin = ServerJmx.mxBean(TwoFactorAdministrationMXBean.OBJECT_NAME,
                TwoFactorAdministrationMXBean.class);
        // 1. The status, without SQL: enabled, masked number, one trusted device, locked.
        String status = admin.status(email);
        assertTrue(status.contains("2FA enabled, codes to " + masked(number)), status);
        assertTrue(status.contains("trusted devices: 1"), status);
        assertTrue(status.contains("password step locked until"), status);
        assertEquals("No user with that e-mail address", admin.status(uniqueEmail("nobody")));
        // 2. The lock lifted: the user is in again (from the trusted device, with the password).
        admin.unlock(email);
        assertTrue(admin.status(email).contains("password step not locked"));
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        browser.press("Sign out");
        // 3. The devices revoked.
        assertEquals("1 trusted device(s) revoked", admin.revokeTrustedDevices(email));
        // 4. The phone lost: 2FA reset; the password alone signs in.
        admin.resetTwoFactor(email);
        assertTrue(admin.status(email).startsWith("2FA disabled"), admin.status(email));
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        // 5. The user sees who did it.
        String events = browser.open("/profile.xhtml").html().getElementById("recent-events").asNormalizedText();
        assertTrue(events.contains("Two factor reset"), events);
        assertTrue(events.contains("Unlocked"), events);
        assertTrue(events.contains("Status looked up by an operator"), events);
        // 6. The audit trail names the management user the server authenticated, for looking too.
        String operator = "by operator " + ServerJmx.managementUser() + ")";
        String log = ServerLog.since(logBefore);
        for (String kind : new String[] {"STATUS_VIEWED", "UNLOCKED", "DEVICE_REVOKED", "TWO_FACTOR_RESET"}) {
            assertTrue(log.lines().anyMatch(line -> line.contains(kind + " user=") && line.contains(operator)),
                    kind + " with " + operator + " in:\n" + log);
        }
    }
}
