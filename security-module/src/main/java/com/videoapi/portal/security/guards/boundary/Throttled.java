package com.videoapi.portal.security.guards.boundary;

import jakarta.ejb.ApplicationException;

import java.time.Duration;
import java.util.Optional;

/**
 * A request refused before any password was hashed: too many from its client address, or every
 * hashing slot of the server taken for longer than a person should wait. Nothing was checked or
 * changed; the web module answers 429 or 503 with {@code Retry-After} and says "try again".
 * An application exception, so it leaves an EJB as it is (not wrapped) and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class Throttled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why; {@link #SERVER_BUSY} is the server's state (503), the others the client's doing (429). */
    public enum Reason { PASSWORD_CHECKS_FROM_ADDRESS, SIGN_UPS_FROM_ADDRESS, PASSWORD_RESETS_FROM_ADDRESS, SERVER_BUSY }

    private final Reason reason;
    private final Duration retryAfter;

    public Throttled(Reason reason, Duration retryAfter) {
        super("Throttled: " + reason + ", retry after " + retryAfter.toSeconds() + " s", null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** At least a second: what {@code Retry-After} says. */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }

    /** The throttle behind {@code failure}, wherever the container's wrappers put it. */
    public static Optional<Throttled> behind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Throttled throttled) {
                return Optional.of(throttled);
            }
        }
        return Optional.empty();
    }
}
