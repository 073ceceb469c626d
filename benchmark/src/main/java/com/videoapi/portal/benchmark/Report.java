package com.videoapi.portal.benchmark;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, as Markdown tables: printed at the end and written to the report file. */
final class Report {

    private final Benchmark.Settings settings;
    private final StringBuilder head = new StringBuilder();
    private final List<String> hashes = new ArrayList<>();
    private final List<String> scenarios = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private String heap = "";
    private String tail = "";

    Report(Benchmark.Settings settings) {
        this.settings = settings;
    }

    void machine(ServerProcess server) {
        line(head, "# Benchmark run %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line(head, "");
        line(head, "- machine: %d cores (%s), load at the start: %s", server.cores(), cpuModel(), loadAverage());
        line(head, "- server: WildFly %s, Java %s, process %d, max heap %d MB", server.serverVersion(), server.javaVersion(),
                server.pid(), server.maxHeapBytes() / 1024 / 1024);
        line(head, "- load generator: Java %s, on the same machine (its CPU is not the server's: the server's is read from /proc/%d/stat)",
                System.getProperty("java.version"), server.pid());
        line(head, "- settings: %s, warm-up %s, each measured scenario %s, %d people (%d at the later iteration counts), "
                        + "%d sessions, %d at once (Security Settings: %d)",
                settings.url, settings.warmUp, settings.duration, settings.users, settings.usersLater, settings.sessions,
                settings.concurrency, settings.pageConcurrency);
        if (!settings.command.isBlank()) {
            line(head, "- command: `%s`", settings.command);
        }
    }

    void hash(int iterations, double nanos, int cores) {
        hashes.add(String.format(Locale.ROOT, "| %,d | %.1f ms | %.1f sign-ins/s |", iterations, nanos / 1e6, cores * 1e9 / nanos));
    }

    void setUp(int iterations, Load load) {
        scenarios.add(String.format(Locale.ROOT, "| %,d | %s | %d | %,d | %.1f/s | | | | | %,d |", iterations, load.scenario,
                settings.concurrency, load.completed(), load.perSecond(), load.failed()));
        details(iterations, load);
    }

    void scenario(int iterations, double hashNanos, int cores, int concurrency, Load load, long cpuNanos, long gcMillis,
                  long durationMillis, boolean signIn) {
        double cpuEach = cpuNanos / 1e6 / Math.max(1, load.completed());
        String beyond = signIn ? String.format(Locale.ROOT, "%.2f ms", cpuEach - hashNanos / 1e6) : "";
        String ratio = signIn ? String.format(Locale.ROOT, "%.0f %%", 100 * load.perSecond() / (cores * 1e9 / hashNanos)) : "";
        String gc = String.format(Locale.ROOT, "%.1f s (%.0f %%)", gcMillis / 1e3, 100.0 * gcMillis / Math.max(1, durationMillis));
        scenarios.add(String.format(Locale.ROOT, "| %,d | %s | %d | %,d | %.1f/s | %.2f ms | %s | %s | %s | %,d |", iterations,
                load.scenario, concurrency, load.completed(), load.perSecond(), cpuEach, beyond, ratio, gc, load.failed()));
        details(iterations, load);
    }

    private void details(int iterations, Load load) {
        for (String name : load.stepNames()) {
            Histogram h = load.step(name);
            steps.add(String.format(Locale.ROOT, "| %,d | %s | %s | %,d | %s | %s | %s | %s |", iterations, load.scenario, name,
                    h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)), ms(h.getMaxValue())));
        }
        for (Map.Entry<String, Long> error : load.errorsByReason().entrySet()) {
            errors.add(String.format(Locale.ROOT, "| %,d | %s | %s | %,d |", iterations, load.scenario,
                    error.getKey().replace("|", "/"), error.getValue()));
        }
    }

    void heap(int sessions, long before, long after, int ended, long afterEnded, long max, long live) {
        double each = (after - before) / 1024.0 / Math.max(1, sessions);
        double own = (after - afterEnded) / 1024.0 / Math.max(1, ended);
        heap = String.format(Locale.ROOT, "Heap per idle signed-in session: **%.1f KB** the session's own (%d of %d new "
                        + "sessions ended from the console, which writes nothing: heap after GCs %.1f MB with them, %.1f MB "
                        + "without); **%.1f KB** per sign-in with the rows it wrote to the database, which the run command's "
                        + "in-memory H2 keeps in the same heap (%.1f MB before the sign-ins). %,d sessions were live in the "
                        + "server (every earlier round's, until 30 minutes idle); max heap %d MB holds about %,d such sign-ins "
                        + "beside the %.0f MB in use before",
                own, ended, sessions, after / 1048576.0, afterEnded / 1048576.0, each, before / 1048576.0, live,
                max / 1048576, each <= 0 ? 0 : (long) ((max - before) / 1024.0 / each), before / 1048576.0);
    }

    void finish(ServerProcess server) {
        tail = "Load at the end: " + loadAverage();
    }

    String text() {
        StringBuilder out = new StringBuilder(head);
        line(out, "");
        line(out, "## H, the CPU of one PBKDF2-HMAC-SHA256 hash, and the hash-bound ceiling (cores ÷ H)");
        line(out, "");
        line(out, "| iterations | H | ceiling |");
        line(out, "|---:|---:|---:|");
        hashes.forEach(row -> line(out, "%s", row));
        line(out, "");
        line(out, "## Scenarios");
        line(out, "");
        line(out, "Server CPU per round from the server process's own accounting; \"beyond one hash\" subtracts H; "
                + "\"of ceiling\" is sign-ins/s ÷ (cores ÷ H); \"GC\" is the time the server's collectors report for the "
                + "scenario, and its share of the scenario's length.");
        line(out, "");
        line(out, "| iterations | scenario | at once | done | per second | server CPU each | beyond one hash | of ceiling | GC | failed |");
        line(out, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        scenarios.forEach(row -> line(out, "%s", row));
        line(out, "");
        if (!heap.isEmpty()) {
            line(out, "%s", heap);
            line(out, "");
        }
        line(out, "## Steps (a page, or a click with its redirects), milliseconds");
        line(out, "");
        line(out, "| iterations | scenario | step | count | p50 | p95 | p99 | max |");
        line(out, "|---:|---|---|---:|---:|---:|---:|---:|");
        steps.forEach(row -> line(out, "%s", row));
        line(out, "");
        line(out, "## Failed rounds by reason");
        line(out, "");
        if (errors.isEmpty()) {
            line(out, "None.");
        } else {
            line(out, "| iterations | scenario | reason | count |");
            line(out, "|---:|---|---|---:|");
            errors.forEach(row -> line(out, "%s", row));
        }
        line(out, "");
        line(out, "%s", tail);
        return out.toString();
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
