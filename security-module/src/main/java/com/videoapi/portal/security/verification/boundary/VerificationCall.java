package com.videoapi.portal.security.verification.boundary;

import java.time.Duration;

/**
 * One call to the code channel, as the channel's timing wrapper reports it (a CDI event, fired
 * after the call, observed by the metrics). Carries no number, code or request id.
 *
 * @param channel    which channel answered
 * @param operation  what was asked
 * @param outcome    {@code sent}, {@code confirmed}, {@code wrong_code} or {@code cancelled} when the
 *                   channel did its job; else the failure reason in lower case
 *                   (e.g. {@code unavailable}), or {@code error} for an exception it does not declare
 * @param failed     whether the channel refused or failed, i.e. the outcome is none of the four above
 * @param httpStatus the status of a failure (e.g. 401, 503), 0 when there was no answer or no failure
 * @param took       how long the call took, failures included
 */
public record VerificationCall(Channel channel, Operation operation, String outcome, boolean failed,
                               int httpStatus, Duration took) {

    /** The three operations of the code channel. */
    public enum Operation { START, CHECK, CANCEL }
}
