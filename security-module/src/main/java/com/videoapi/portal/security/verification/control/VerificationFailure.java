package com.videoapi.portal.security.verification.control;

/**
 * A verification that could not go ahead. The {@link Reason} is what the product acts on; the
 * message is for the log and never holds a code or a full phone number.
 */
public class VerificationFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Why, in the product's terms. {@code Verifications} turns each into the {@code CodeProblem} the
     * person is told: NOT_FOUND and EXPIRED_OR_USED_UP alike into "expired, send a new code",
     * MISCONFIGURED and UNAVAILABLE alike into "try again later" (the operator learns the difference
     * from the log). The statuses are Vonage Verify v2's; the development channel uses the same reasons.
     */
    public enum Reason {
        /** The verification is unknown to the channel, or already finished (Verify: 404 on check). */
        NOT_FOUND,
        /** A verification is already running for this number (Verify: 409 on start). */
        ALREADY_RUNNING,
        /** Expired, or too many wrong codes: a new code is needed (Verify: 409 or 410 on check). */
        EXPIRED_OR_USED_UP,
        /** The channel will not send to this number (Verify: 422, or a number the SDK refuses before sending). */
        INVALID_NUMBER,
        /** Too many requests; try again later (Verify: 429). */
        RATE_LIMITED,
        /** Our credentials, account, balance or endpoint: an operator must act (Verify: 401, 402, 403; 404 on start). */
        MISCONFIGURED,
        /** Down, slow or answering nonsense: try again later (Verify: 5xx, timeouts, unreadable or undocumented answers). */
        UNAVAILABLE
    }

    private final Reason reason;
    private final int httpStatus;

    public VerificationFailure(Reason reason, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the channel answered with, or 0 when there was no answer (timeout, refused). */
    public int httpStatus() {
        return httpStatus;
    }
}
