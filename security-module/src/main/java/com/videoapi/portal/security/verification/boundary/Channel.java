package com.videoapi.portal.security.verification.boundary;

import java.util.Locale;

/** The channels a code may go through, chosen once at start-up. */
public enum Channel {
    /** SMS through Vonage Verify v2. */
    VONAGE,
    /** No SMS: the code is written to a log category, for development servers. */
    DEVELOPMENT;

    /** The name operators see in metrics and health data: {@code vonage}, {@code development}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
