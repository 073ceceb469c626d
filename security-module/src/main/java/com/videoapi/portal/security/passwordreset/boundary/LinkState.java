package com.videoapi.portal.security.passwordreset.boundary;

/** What a mailed link turned out to be; only {@link #USABLE} lets anything happen. */
public enum LinkState {
    USABLE,
    /** Spent already: each link works once. */
    USED,
    EXPIRED,
    /** A newer link was sent to the same person since: only the newest works. */
    REPLACED,
    /** No such link (mistyped, cut off, or purged long ago). */
    UNKNOWN
}
