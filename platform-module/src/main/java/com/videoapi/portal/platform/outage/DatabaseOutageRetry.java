package com.videoapi.portal.platform.outage;

import java.time.Duration;

/**
 * How long a person is asked to wait ({@code Retry-After}) when the database is out of reach: the web
 * module's outage page and the sign-in mechanism, which cannot see each other, answer 503 with one value.
 */
public final class DatabaseOutageRetry {

    /** A database restart or fail-over takes about this long. */
    public static final Duration AFTER = Duration.ofSeconds(60);

    private DatabaseOutageRetry() {
    }

    /** {@link #AFTER} as the {@code Retry-After} header writes it: whole seconds. */
    public static String header() {
        return Long.toString(AFTER.toSeconds());
    }
}
