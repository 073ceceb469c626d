package com.videoapi.portal.security.verification.boundary;

/**
 * What went wrong with sending or checking a code; the web module says it in the person's language.
 * Every answer of the code channel maps to one of these; none of them enables anything or skips a step.
 */
public enum CodeProblem {
    /** The code is wrong (or the code step is locked: the same answer). */
    WRONG_CODE,
    /** The verification is over: expired, used up, replaced or confirmed already; a new code is needed. */
    EXPIRED,
    /** The channel has a verification running for this number already. */
    ALREADY_SENT,
    /** A code for the same purpose went out within the resend cooldown. */
    COOLING_DOWN,
    /** A call went out within {@code twofactor.call-cooldown}: "Call me instead" waits. */
    CALL_COOLING_DOWN,
    /** The user's or the number's send limit is reached. */
    TOO_MANY_CODES,
    /** The account sent enrolment codes to as many distinct numbers as it may in a day. */
    TOO_MANY_NUMBERS,
    /** The number is of a country the portal does not send codes to ({@code twofactor.sms-regions}). */
    REGION_NOT_SERVED,
    /** The channel will not send to this number. */
    INVALID_NUMBER,
    /** The channel is rate-limiting us. */
    RATE_LIMITED,
    /** The channel is down, slow, misconfigured, or the portal's own ceiling is reached: try later. */
    UNAVAILABLE,
    /** No code channel can be used ({@link Channel#NONE}): no code is sent until an operator fixes it. */
    NO_CHANNEL
}
