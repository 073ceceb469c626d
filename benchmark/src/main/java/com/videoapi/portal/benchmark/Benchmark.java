package com.videoapi.portal.benchmark;

import com.videoapi.portal.security.verification.fake.FakeVerifyApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark of BENCHMARKS.md, against a portal started by {@code mvn package -Prun} with its code
 * channel pointed at the {@link FakeVerifyApi} this program starts (benchmark/run-benchmark.sh does
 * both). For each PBKDF2 iteration count, in one run:
 * <ol>
 *     <li>H, the CPU of one hash (here, {@link HashCost}), and the hash-bound ceiling, cores ÷ H;</li>
 *     <li>scenario 4, enrolment: sign-up, Use 2FA, the number, the code, for every person (the set-up of
 *         the others, and measured again later, warm);</li>
 *     <li>scenario 1, full sign-in (password, then the code), after a warm-up;</li>
 *     <li>scenario 2, the password on a trusted device (each person's device cookie kept);</li>
 *     <li>the heap per idle signed-in session (after GCs, around that many new sessions);</li>
 *     <li>scenario 3, Security Settings requested again and again in those sessions (and, to compare, the
 *     account home, the smallest signed-in page);</li>
 * </ol>
 * Later iteration counts (the product's 600,000) re-run scenario 1 only, on a subset of the people
 * (their hashes renewed at the new count by a first sign-in each, which is also their warm-up).
 * Server CPU is the server process's own ({@link ServerProcess}); every figure goes into one table,
 * printed and written to a file.
 */
public final class Benchmark {

    private static final String PASSWORD = "correct horse battery staple";

    private final Settings settings;
    private final FakeVerifyApi verifyApi;
    private final ServerProcess server;
    private final HttpClient http;
    private final URI base;
    private final Report report;
    private final int firstNumber = ThreadLocalRandom.current().nextInt(100) * 10_000;
    private final List<Person> people = new ArrayList<>();
    private int signedUp;

    private Benchmark(Settings settings, FakeVerifyApi verifyApi, ServerProcess server) {
        this.settings = settings;
        this.verifyApi = verifyApi;
        this.server = server;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        this.base = URI.create(settings.url);
        this.report = new Report(settings);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        try (FakeVerifyApi verifyApi = FakeVerifyApi.start(settings.fakeVerifyPort);
             ServerProcess server = new ServerProcess(settings.managementHost, settings.managementPort)) {
            new Benchmark(settings, verifyApi, server).run();
        }
    }

    private void run() throws IOException {
        report.machine(server);
        say("Server process %d, %d cores, %s; fake Verify API on %s", server.pid(), server.cores(), server.javaVersion(),
                verifyApi.baseUrl());
        boolean first = true;
        for (int iterations : settings.iterations) {
            server.setSystemProperty("passwords.pbkdf2.iterations", Integer.toString(iterations));
            say("PBKDF2 at %,d iterations: measuring H", iterations);
            double hashNanos = HashCost.nanosPerHash(iterations);
            report.hash(iterations, hashNanos, server.cores());
            say("H = %.1f ms", hashNanos / 1e6);
            if (first) {
                firstRun(iterations, hashNanos);
                first = false;
            } else {
                laterRun(iterations, hashNanos);
            }
            // What the fake keeps of each code: none of it is needed after the part that sent it.
            verifyApi.reset();
        }
        report.finish(server);
        System.out.println();
        System.out.println(report.text());
        Files.createDirectories(settings.reportFile.toAbsolutePath().getParent());
        Files.writeString(settings.reportFile, report.text());
        say("Written to %s", settings.reportFile.toAbsolutePath());
    }

    private void firstRun(int iterations, double hashNanos) {
        say("Scenario 4 as set-up: %d people sign up and enrol", settings.users);
        Load setUp = new Load("set-up: sign-up and enrolment (cold)");
        setUp.run(settings.concurrency, Duration.ofHours(1), settings.users, (n, load) -> {
            Person person = enrol(load);
            synchronized (people) {
                people.add(person);
            }
        });
        report.setUp(iterations, setUp);
        requireMostDone(setUp);

        say("Trusted devices: each person signs in once with the code and ticks Trust this device");
        Load devices = new Load("set-up: sign-in trusting the device");
        devices.run(settings.concurrency, Duration.ofHours(1), people.size(), (n, load) -> fullSignIn(load, people.get(n), true));
        report.setUp(iterations, devices);

        say("Warm-up: full sign-ins for %s", settings.warmUp);
        new Load("warm-up").run(settings.concurrency, settings.warmUp, Integer.MAX_VALUE,
                (n, load) -> fullSignIn(load, person(n), false));

        measured(iterations, hashNanos, "1 full sign-in (password, code)", settings.concurrency,
                (n, load) -> fullSignIn(load, person(n), false), true);
        measured(iterations, hashNanos, "2 password on a trusted device", settings.concurrency,
                (n, load) -> trustedSignIn(load, person(n)), true);

        int sessions = Math.min(settings.sessions, people.size());
        say("Heap per idle signed-in session: %d new sessions between two GCs", sessions);
        long before = server.heapAfterGc();
        List<Visitor> measuredSessions = signIn(sessions, "set-up: sessions for the heap");
        long after = server.heapAfterGc();
        long live = server.activeSessions();
        // The sign-ins also wrote rows (audit events, device tokens) to the database, which -Prun keeps in
        // the server's heap too: ending the sessions from the console (which writes nothing) tells the two apart.
        int ended = 0;
        for (Visitor session : measuredSessions) {
            ended += session.sessionId() != null && server.invalidateSession(session.sessionId()) ? 1 : 0;
        }
        long afterEnded = server.heapAfterGc();
        say("Live sessions: %,d with the measured ones, %,d after ending them", live, server.activeSessions());
        report.heap(measuredSessions.size(), before, after, ended, afterEnded, server.maxHeapBytes(), live);
        say("%.1f KB per sign-in, %.1f KB of it the session's own (%d of %d sessions ended from the console)",
                (after - before) / 1024.0 / Math.max(1, measuredSessions.size()),
                (after - afterEnded) / 1024.0 / Math.max(1, ended), ended, measuredSessions.size());
        List<Visitor> signedIn = signIn(sessions, "set-up: sessions for scenario 3");

        measured(iterations, hashNanos, "3 Security Settings, signed in", settings.pageConcurrency,
                (n, load) -> load.step("Security Settings", () -> signedIn.get(n % signedIn.size()).open("/profile.xhtml")
                        .expectShowing("id=\"security-settings\"")), false);
        // Not one of issue 12's scenarios: the smallest signed-in page, for what any page costs (the
        // mechanism's session check, Faces, the template) beside what Security Settings adds.
        measured(iterations, hashNanos, "3b account home, signed in (for comparison)", settings.pageConcurrency,
                (n, load) -> load.step("account home", () -> signedIn.get(n % signedIn.size()).open("/home.xhtml")
                        .expectShowing("id=\"account-name\"")), false);
        measured(iterations, hashNanos, "4 sign-up and enrolment (warm)", settings.concurrency,
                (n, load) -> enrol(load), false);
    }

    private void laterRun(int iterations, double hashNanos) {
        int subset = Math.min(settings.usersLater, people.size());
        say("%d people sign in once: their hashes renewed at %,d iterations (and the warm-up)", subset, iterations);
        Load renewal = new Load("set-up: hashes renewed at the first sign-in");
        renewal.run(settings.concurrency, Duration.ofHours(1), subset, (n, load) -> fullSignIn(load, people.get(n), false));
        report.setUp(iterations, renewal);
        measured(iterations, hashNanos, "1 full sign-in (password, code)", settings.concurrency,
                (n, load) -> fullSignIn(load, people.get(n % subset), false), true);
    }

    private void measured(int iterations, double hashNanos, String scenario, int concurrency, Load.Round round,
                          boolean signIn) {
        say("Scenario %s: %d at once for %s", scenario, concurrency, settings.duration);
        long cpuBefore = server.cpuNanos();
        long gcBefore = server.gcMillis();
        Load load = new Load(scenario).run(concurrency, settings.duration, Integer.MAX_VALUE, round);
        long cpu = server.cpuNanos() - cpuBefore;
        long gc = server.gcMillis() - gcBefore;
        report.scenario(iterations, hashNanos, server.cores(), concurrency, load, cpu, gc, settings.duration.toMillis(), signIn);
        say("%,d done (%.1f/s), %,d failed, %.2f ms server CPU each", load.completed(), load.perSecond(), load.failed(),
                cpu / 1e6 / Math.max(1, load.completed()));
    }

    private Person person(int round) {
        return people.get(round % people.size());
    }

    /** Scenario 4: a new person signs up, signs in, opens Security Settings, ticks Use 2FA, gives a number, confirms the code. */
    private Person enrol(Load load) {
        int n;
        synchronized (this) {
            n = signedUp++;
        }
        String email = "bench-" + (firstNumber + n) + "@example.com";
        String e164 = String.format("+447400%06d", firstNumber + n);
        Visitor browser = new Visitor(http, base);
        load.step("sign-up page", () -> browser.open("/create-account.xhtml"));
        load.step("create account", () -> browser.press("create-account", "create",
                "accountName", "Bench " + n, "email", email, "password", PASSWORD).expectShowing("Check your inbox to finish"));
        // Sign-up signs nobody in (the address is verified by a mailed link); the password does, before that.
        load.step("sign-in page", () -> browser.open("/signin.xhtml"));
        load.step("password", () -> browser.press("signin", "sign-in", "email", email, "password", PASSWORD)
                .expectShowing("id=\"account-name\""));
        load.step("Security Settings", () -> browser.open("/profile.xhtml"));
        load.step("number", () -> browser.press("security", "submit-number",
                "use-2fa", "on", "country", "", "phone", e164).expectShowing("id=\"security:code\""));
        String code = verifyApi.lastCodeSentTo(e164);
        load.step("enrolment code", () -> browser.press("security", "confirm", "use-2fa", "on", "code", code)
                .expectShowing("two-factor-on"));
        return new Person(email, e164, new Visitor[1]);
    }

    /** Scenario 1: the sign-in page, the password, the code (ticking Trust this device when asked to). */
    private Visitor fullSignIn(Load load, Person person, boolean trustThisDevice) {
        Visitor browser = new Visitor(http, base);
        load.step("sign-in page", () -> browser.open("/signin.xhtml"));
        load.step("password", () -> browser.press("signin", "sign-in", "email", person.email, "password", PASSWORD)
                .expectOn("/signin-code.xhtml"));
        String code = verifyApi.lastCodeSentTo(person.e164);
        if (trustThisDevice) {
            load.step("code", () -> browser.press("signin-code", "verify", "code", code, "trust", "on"));
        } else {
            load.step("code", () -> browser.press("signin-code", "verify", "code", code));
        }
        browser.expectShowing("id=\"account-name\"");
        if (trustThisDevice) {
            if (!browser.hasDeviceCookie()) {
                throw new Visitor.Failure("no trusted-device cookie after Trust this device");
            }
            person.device(browser);
        }
        return browser;
    }

    /** Scenario 2: a returning person on a trusted device: the sign-in page and the password, no code. */
    private Visitor trustedSignIn(Load load, Person person) {
        Visitor browser = person.device().withDeviceOnly();
        load.step("sign-in page", () -> browser.open("/signin.xhtml"));
        load.step("password", () -> browser.press("signin", "sign-in", "email", person.email, "password", PASSWORD)
                .expectShowing("id=\"account-name\""));
        // The device's token is new after each use: the next visit presents this one.
        person.device(browser);
        return browser;
    }

    /** {@code count} people signed in on their trusted devices, each session kept open. */
    private List<Visitor> signIn(int count, String what) {
        List<Visitor> signedIn = new ArrayList<>();
        new Load(what).run(settings.concurrency, Duration.ofHours(1), count, (n, load) -> {
            Visitor session = trustedSignIn(load, people.get(n));
            synchronized (signedIn) {
                signedIn.add(session);
            }
        });
        return signedIn;
    }

    private void requireMostDone(Load load) {
        if (load.completed() < settings.users / 2) {
            System.out.println(report.text());
            throw new IllegalStateException("Fewer than half the people could enrol: " + load.errorsByReason());
        }
    }

    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(Instant.now().atZone(java.time.ZoneOffset.UTC), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** A person of the benchmark and the browser that holds their trusted-device cookie. */
    private record Person(String email, String e164, Visitor[] browser) {
        Visitor device() {
            synchronized (browser) {
                if (browser[0] == null) {
                    throw new Visitor.Failure("no trusted device");
                }
                return browser[0];
            }
        }

        void device(Visitor latest) {
            synchronized (browser) {
                browser[0] = latest;
            }
        }
    }

    /** What the run is told, as system properties (run-benchmark.sh passes them on). */
    static final class Settings {
        String url;
        String managementHost;
        int managementPort;
        int fakeVerifyPort;
        int[] iterations;
        Duration warmUp;
        Duration duration;
        int users;
        int usersLater;
        int sessions;
        int concurrency;
        int pageConcurrency;
        Path reportFile;
        String command;

        static Settings fromSystemProperties() {
            boolean quick = Boolean.getBoolean("bench.quick");
            Settings s = new Settings();
            s.url = System.getProperty("bench.url", "http://localhost:8080/");
            s.managementHost = System.getProperty("bench.management-host", "localhost");
            s.managementPort = Integer.getInteger("bench.management-port", 9990);
            s.fakeVerifyPort = Integer.getInteger("bench.fake-verify.port", 18999);
            s.iterations = Arrays.stream(System.getProperty("bench.iterations", "27500,600000").split(","))
                    .map(String::trim).mapToInt(Integer::parseInt).toArray();
            s.warmUp = Duration.parse(System.getProperty("bench.warm-up", quick ? "PT15S" : "PT2M"));
            s.duration = Duration.parse(System.getProperty("bench.duration", quick ? "PT10S" : "PT1M"));
            s.users = Integer.getInteger("bench.users", quick ? 200 : 1000);
            s.usersLater = Integer.getInteger("bench.users-later", quick ? 40 : 200);
            s.sessions = Integer.getInteger("bench.sessions", quick ? 200 : 1000);
            s.concurrency = Integer.getInteger("bench.concurrency", 16);
            s.pageConcurrency = Integer.getInteger("bench.page-concurrency", 64);
            s.reportFile = Path.of(System.getProperty("bench.report", "benchmark/target/benchmark-report.md"));
            s.command = System.getProperty("bench.command", "");
            return s;
        }
    }
}
