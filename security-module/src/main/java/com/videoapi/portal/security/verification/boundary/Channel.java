package com.videoapi.portal.security.verification.boundary;

import java.util.Locale;
import java.util.Optional;

/** The channels a code may go through, chosen once at start-up by {@code twofactor.channel}. */
public enum Channel {
    /** SMS through Vonage Verify v2: the default. */
    VONAGE,
    /** No SMS: the code is written to a log category, for development servers; only when set explicitly. */
    DEVELOPMENT,
    /**
     * None: the channel asked for cannot be used (Vonage without credentials, or a {@code twofactor.channel}
     * the portal does not know). Every code is refused, and readiness says why; nothing falls back to the log.
     */
    NONE;

    /** The name operators see in metrics and health data: {@code vonage}, {@code development}, {@code none}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel a {@code twofactor.channel} value names ({@code vonage}, {@code development}); empty for any other. */
    public static Optional<Channel> named(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        return name.equals(VONAGE.tag()) ? Optional.of(VONAGE)
                : name.equals(DEVELOPMENT.tag()) ? Optional.of(DEVELOPMENT)
                : Optional.empty();
    }
}
