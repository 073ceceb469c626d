package com.videoapi.portal.security.passwordreset.boundary;

import java.time.Instant;

/** What a mailed link turned out to be; only {@link #USABLE} lets anything happen. */
public enum LinkState {
    USABLE,
    /** Spent already: each link works once. */
    USED,
    EXPIRED,
    /** A newer link was sent to the same person since: only the newest works. */
    REPLACED,
    /** No such link (mistyped, cut off, or purged long ago). */
    UNKNOWN;

    /**
     * The state of a stored link at {@code now}: used before replaced before expired, so that a person
     * is told what happened first. The one rule of the reset links and the "This wasn't me" links.
     *
     * @param voidedAt when a newer link replaced it, or null (also for links that are never replaced)
     */
    public static LinkState of(Instant usedAt, Instant voidedAt, Instant expiresAt, Instant now) {
        if (usedAt != null) {
            return USED;
        }
        if (voidedAt != null) {
            return REPLACED;
        }
        return now.isBefore(expiresAt) ? USABLE : EXPIRED;
    }
}
