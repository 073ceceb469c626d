package com.videoapi.portal.security.verification.boundary;

/**
 * How a code reaches the person's phone, within the code channel ({@link Channel}): a text message
 * (the default, always offered first), or a call that reads the code out ("Call me instead", for
 * phones without signal for texts, or people who cannot read one). Both go to the same number,
 * take the same code length and are counted in the same send budgets.
 */
public enum Delivery {
    /** A text message: Verify v2's {@code sms} workflow. */
    SMS,
    /** A voice call that reads the code: Verify v2's {@code voice} workflow. */
    VOICE
}
