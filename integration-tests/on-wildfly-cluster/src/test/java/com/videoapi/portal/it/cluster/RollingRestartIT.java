package com.videoapi.portal.it.cluster;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator patches the cluster node by node while people use it: each node suspended (the balancer
 * stops sending it requests, those under way finish), shut down, started again; then the other. Not one
 * request of 20 signed-in people fails, and none of them is signed out (issue 13, test 2).
 */
class RollingRestartIT extends PortalTest {

    private static final int PEOPLE = 20;

    @Test
    void twenty_signed_in_people_notice_nothing_of_a_rolling_restart() throws Exception {
        List<Browser> people = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Browser person = new Browser(baseUrl());
            String email = uniqueEmail("rolling" + i);
            person.open("/create-account.xhtml").fillIn("Account name", "Rolling " + i).fillIn("Email", email)
                    .fillIn("Password", PASSWORD).press("Create account");
            // Sign-up signs nobody in ("Check your inbox to finish"); the password does.
            person.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/", person.path(), "signed in after signing up");
            people.add(person);
            emails.add(email);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(PEOPLE);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < PEOPLE; i++) {
                Browser person = people.get(i);
                String email = emails.get(i);
                clients.add(threads.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        String page = n++ % 2 == 0 ? "/" : "/profile.xhtml";
                        try {
                            person.open(page);
                            requests.incrementAndGet();
                            if (person.status() != 200 || !person.path().equals(page) || !person.shows("Sign out")
                                    || page.equals("/profile.xhtml") && !person.shows(email)) {
                                failures.add(email + " " + page + " -> " + person.status() + " " + person.path());
                            }
                        } catch (RuntimeException e) {
                            failures.add(email + " " + page + " -> " + e);
                        }
                        pause(300);
                    }
                }));
            }
            pause(3_000);
            for (String node : List.of(Cluster.A, Cluster.B)) {
                Cluster.stopGracefully(node);
                pause(3_000);
                Cluster.start(node);
                pause(3_000);
            }
            running.set(false);
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            threads.shutdownNow();
            people.forEach(Browser::close);
        }
        // The count, for what a request costs the sessions table (docs/scaling.md).
        System.out.println("RollingRestartIT: " + requests.get() + " requests, " + failures.size() + " failed");
        assertTrue(requests.get() > 10 * PEOPLE, "the people kept making requests: " + requests.get());
        assertEquals(List.of(), List.copyOf(failures), failures.size() + " of " + requests.get() + " requests failed");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
