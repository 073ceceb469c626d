package com.videoapi.portal.it.operations;

import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerJmx;
import com.videoapi.portal.it.support.TestDatabase;
import com.videoapi.portal.security.retention.boundary.RetentionMXBean;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data kept no longer than needed: the purge that runs every hour, run now by an operator over JMX
 * ({@link RetentionMXBean}) after the portal's clock moved past the retention periods.
 */
class RetentionIT extends PortalTest {

    private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z ]+?)(?=,|$)");

    @Test
    void what_served_its_purpose_is_forgotten_after_its_retention_and_nothing_younger_is() throws SQLException {
        // A person leaves a trail: codes sent (and counted), a trusted device, audit events, the address
        // the password came from.
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("ret", number);
        browser.press("Sign out");
        waitOutResendCooldown();
        signInWithCode(email, number, true);
        RetentionMXBean retention = ServerJmx.mxBean(RetentionMXBean.OBJECT_NAME, RetentionMXBean.class);

        // The counters name the number by its keyed hash only (PostgreSQL: the tests can look in).
        if (!TestDatabase.isH2()) {
            assertEquals(0, countOf("select count(*) from send_scopes where scope like '%" + number.substring(1) + "%'"));
            assertTrue(countOf("select count(*) from send_scopes where scope like 'enrol:number:%'") > 0);
        }

        // 1. Today the purge keeps all of it: nothing is old enough.
        retention.purgeNow();
        assertTrue(recentEvents().contains("Two factor enabled"), recentEvents());
        browser.press("Sign out");

        // 2. 401 days later: past audit.retention (P400D), the device expired 30 days in and kept 30
        //    more, the codes' send log (P2D) and counters (a day and an hour) long idle.
        advanceServerClock(Duration.ofDays(401));
        Map<String, Integer> forgotten = counts(retention.purgeNow());
        assertTrue(forgotten.get("audit events") >= 8, forgotten.toString());
        assertTrue(forgotten.get("code sends") >= 2, forgotten.toString());
        assertTrue(forgotten.get("trusted devices") >= 1, forgotten.toString());
        // enrol:user, enrol:user-number, enrol:user-numbers, enrol:number, enrol:address, code:user, code:user-number
        assertTrue(forgotten.get("send counter scopes") >= 7, forgotten.toString());
        // The client address the person signed in from (password attempts by source), not seen for P30D.
        assertTrue(forgotten.get("password sources") >= 1, forgotten.toString());
        // The address verification link mailed at sign-up, expired after 24 hours and kept a day more.
        assertTrue(forgotten.get("mailed links") >= 1, forgotten.toString());
        if (!TestDatabase.isH2()) {
            assertEquals(0, countOf("select count(*) from address_links where user_id in (select id from users where email = '"
                    + email + "')"));
        }

        // 3. Run again (as another node would, at once): nothing is left to forget, nothing fails.
        assertEquals(Map.of("verifications", 0, "code sends", 0, "development codes", 0, "trusted devices", 0,
                "audit events", 0, "send counter scopes", 0, "password sources", 0, "mailed links", 0,
                "throttle counter scopes", 0), counts(retention.purgeNow()));

        // 4. The person still signs in with a code: the counters open afresh. The trail starts anew.
        waitOutResendCooldown();
        signInWithCode(email, number, false);
        assertEquals("/", browser.path());
        String events = recentEvents();
        assertTrue(events.contains("Signed in"), events);
        assertFalse(events.contains("Two factor enabled"), events);
        assertFalse(events.contains("Device trusted"), events);
    }

    private static long countOf(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private String recentEvents() {
        return browser.open("/profile.xhtml").html().getElementById("recent-events").asNormalizedText();
    }

    /** "forgot 3 verifications, 12 code sends, …" as counts by what. */
    private static Map<String, Integer> counts(String summary) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher count = COUNT.matcher(summary);
        while (count.find()) {
            counts.put(count.group(2), Integer.parseInt(count.group(1)));
        }
        // with the mailed links (reset, "This wasn't me", address links) and the throttles' counters
        assertEquals(9, counts.size(), summary);
        return counts;
    }
}
