package com.videoapi.portal.security.verification.boundary;

/**
 * What went wrong with sending or checking a code, with the words the page shows for it. Every
 * answer of the code channel maps to one of these; none of them enables anything or skips a step.
 */
public enum CodeProblem {

    WRONG_CODE("That code is not right. Check the text message and try again."),
    EXPIRED("This code has expired or has been tried too many times. Send a new code."),
    ALREADY_SENT("A code was sent to this number moments ago. Wait a minute, then send a new code."),
    COOLING_DOWN("A code was sent a few seconds ago. Please wait a moment before asking for a new one."),
    TOO_MANY_CODES("Too many codes have been sent. Please wait an hour, then try again."),
    INVALID_NUMBER("We cannot send text messages to this number. Check it, or use another mobile number."),
    RATE_LIMITED("Too many codes have been asked for. Please wait a few minutes, then try again."),
    UNAVAILABLE("We could not send or check the code just now. Nothing was changed; please try again in a few minutes.");

    private final String message;

    CodeProblem(String message) {
        this.message = message;
    }

    /** For the person, on the page. */
    public String message() {
        return message;
    }
}
