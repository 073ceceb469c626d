package com.videoapi.portal.security.verification.control;

import java.util.Locale;

/**
 * The channel that sends a one-time code to a phone and checks what the person typed.
 *
 * <p>Chosen by {@code twofactor.channel} ({@code ChannelSelection}): Vonage Verify v2
 * ({@code VonageVerificationGateway}), or a development channel that only writes the code to the
 * server log; with no usable channel, {@code NoVerificationGateway} refuses every code. Codes are 6
 * digits, sent by text message ({@link #start}) or read out in a call ({@link #call}).
 */
public interface VerificationGateway {

    /**
     * Sends a new code to the number.
     *
     * @param e164Number the number in E.164 form, e.g. {@code +447700900000}
     * @param language   the person's language, for the words around the code; null for the channel's default
     * @return the channel's id of this verification, to check or cancel it by
     * @throws VerificationFailure when no code was sent; its reason says why
     */
    String start(String e164Number, Locale language) throws VerificationFailure;

    /**
     * Calls the number and reads a new code out ("Call me instead"): a verification of its own, checked
     * and cancelled like one {@link #start}ed, with a code of the same length.
     *
     * @param e164Number the number in E.164 form
     * @param language   the person's language, for the voice that reads the code; null for the channel's default
     * @return the channel's id of this verification
     * @throws VerificationFailure when no call was started; its reason says why
     */
    String call(String e164Number, Locale language) throws VerificationFailure;

    /**
     * Checks a code the person typed against a running verification.
     *
     * @return {@link CodeCheck#CONFIRMED} when right (the verification is then complete), or
     *         {@link CodeCheck#WRONG_CODE} when wrong but the person may try again
     * @throws VerificationFailure when the verification cannot take codes any more (unknown,
     *         finished, expired, too many wrong codes) or the channel failed
     */
    CodeCheck check(String requestId, String code) throws VerificationFailure;

    /**
     * Stops a running verification so that no further code for it is sent or accepted. Best effort:
     * never throws, since the caller has moved on either way.
     */
    void cancel(String requestId);

    /** The outcome of checking a code that the channel could judge. */
    enum CodeCheck { CONFIRMED, WRONG_CODE }
}
