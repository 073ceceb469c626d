package com.videoapi.portal.security.passkeys.boundary;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebAuthn ceremony (adding a passkey, or signing in with one): its random challenge and the
 * options the page hands to the browser. Kept on the server (the session, or the page's view state),
 * never taken from the request; its challenge answers one response only, and only for
 * {@link #LIFETIME}: a response sent twice (a replay, a double click) finds it spent.
 */
public final class Ceremony implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The browser waits two minutes for the authenticator; a little longer for the post that follows. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final byte[] challenge;
    private final String options;
    private final Instant startedAt;
    private final AtomicBoolean spent = new AtomicBoolean();

    Ceremony(byte[] challenge, String options, Instant startedAt) {
        this.challenge = challenge.clone();
        this.options = options;
        this.startedAt = startedAt;
    }

    /** The options as JSON, for the page's script ({@code data-passkey-options}). */
    public String options() {
        return options;
    }

    /** The challenge, once: empty when taken before or when the ceremony is older than its lifetime. */
    Optional<byte[]> take(Instant now) {
        if (!spent.compareAndSet(false, true) || !now.isBefore(startedAt.plus(LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(challenge.clone());
    }
}
