package com.videoapi.portal.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test server's log file (WildFly's server.log, or the Payara domain's), as the run's pom.xml names it. */
public final class ServerLog {

    private ServerLog() {
    }

    public static Path path() {
        return Path.of(System.getProperty("it.server-log"));
    }

    /** How long the log is now: {@link #since(long)} then gives what was written after. */
    public static long size() {
        try {
            return Files.size(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String all() {
        return since(0);
    }

    /** What the server logged after the log was {@code from} bytes long. */
    public static String since(long from) {
        try {
            byte[] all = Files.readAllBytes(path());
            return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
