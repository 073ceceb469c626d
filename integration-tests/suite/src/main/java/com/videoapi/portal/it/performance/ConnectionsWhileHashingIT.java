package com.videoapi.portal.it.performance;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.Operator;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerSetting;
import com.videoapi.portal.it.support.TestDatabase;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The password step holds no database connection while its hash waits for a hashing slot and runs
 * (issue 12): people signing in at once, each with a slow hash, leave the pool's connections free
 * for everyone else. Watched from the pool's own count of connections in use, read through WildFly's
 * management API while the sign-ins hash; a step that hashed inside its transaction would hold one
 * connection each for most of that time.
 */
@WildFlyOnly("reads the datasource pool's statistics through WildFly's management API")
class ConnectionsWhileHashingIT extends PortalTest {

    private static final int PEOPLE = 6;

    /** The product's count: about 150 ms of CPU a hash, far longer than a transaction. */
    private static final String SLOW_ITERATIONS = "600000";

    @Test
    void people_signing_in_at_once_hold_no_connection_while_their_passwords_hash() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            String email = uniqueEmail("pool" + i);
            signUp("Pool " + i, email);
            browser.press("Sign out");
            people.add(email);
        }
        String pool = "/subsystem=datasources/data-source=" + (TestDatabase.isH2() ? "ExampleDS" : "PortalDS") + "/statistics=pool";
        List<Browser> browsers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(PEOPLE);
        try (Operator operator = new Operator();
             // Each sign-in renews its person's hash (made at the test servers' count) at this count: a slow hash.
             ServerSetting slow = ServerSetting.set("passwords.pbkdf2.iterations", SLOW_ITERATIONS,
                     System.getProperty("it.pbkdf2-iterations", "10000"))) {
            boolean statisticsWereOn = operator.run(pool, "read-attribute", Map.of("name", "statistics-enabled")).asBoolean();
            operator.run(pool, "write-attribute", Map.of("name", "statistics-enabled", "value", true));
            try {
                for (String email : people) {
                    browsers.add(new Browser(baseUrl()).open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD));
                }
                // 1. Everyone presses "Sign in" at once; six slow hashes queue for the server's hashing slots.
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Browser>> signIns = new ArrayList<>();
                for (Browser person : browsers) {
                    signIns.add(threads.submit(() -> {
                        go.await();
                        return person.press("Sign in");
                    }));
                }
                go.countDown();
                // 2. Meanwhile, the connections in use, again and again.
                List<Integer> inUse = new ArrayList<>();
                while (signIns.stream().anyMatch(signIn -> !signIn.isDone())) {
                    inUse.add(operator.run(pool, "read-attribute", Map.of("name", "InUseCount")).asInt());
                    Thread.sleep(20);
                }
                System.out.println("Connections in use while " + PEOPLE + " people signed in at once: " + inUse);
                // 3. Each was signed in, or (on a machine too busy to hash them all within 5 s) told that the
                //    server is busy after waiting for a hashing slot: a wait that held no connection either.
                int signedIn = 0;
                for (Future<Browser> signIn : signIns) {
                    Browser person = signIn.get(2, TimeUnit.MINUTES);
                    if ("/".equals(person.path())) {
                        signedIn++;
                    } else {
                        assertTrue(person.shows("Busy, try again in a moment"), "signed in, or busy: " + person.text());
                    }
                }
                assertTrue(signedIn > 0, "nobody was signed in");
                // 4. Most of the time, at most two were in use (a transaction before or after a hash, and its
                //    audit); had each sign-in kept its connection while it waited and hashed, most readings
                //    would show half of them or more.
                long crowded = inUse.stream().filter(connections -> connections >= PEOPLE / 2).count();
                assertTrue(inUse.size() >= 10, "read while the hashes ran: " + inUse);
                assertTrue(crowded * 4 < inUse.size(), crowded + " of " + inUse.size() + " readings showed " + (PEOPLE / 2)
                        + " or more connections in use: " + inUse);
            } finally {
                operator.run(pool, "write-attribute", Map.of("name", "statistics-enabled", "value", statisticsWereOn));
            }
        } finally {
            threads.shutdownNow();
            browsers.forEach(Browser::close);
        }
    }
}
