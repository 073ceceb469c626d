package com.videoapi.portal.security.verification.boundary;

/**
 * A code the portal sent, or refused to send by its own rules (a CDI event, observed by the
 * metrics). Carries no user and no number: only fixed words and a region. A code read out in a
 * call ("Call me instead") is reported the same way: it costs, and counts, as a text does.
 *
 * @param purpose what the code was for
 * @param region  the ISO 3166 region of the number ({@code GB}; {@code 001} for a range of no
 *                country), for a code sent; null for a refusal
 * @param refusal why the portal did not send it ({@code cooldown}, {@code call_cooldown}, {@code region}, or a budget:
 *                {@code enrol_user}, {@code enrol_user_numbers}, {@code enrol_number}, {@code enrol_address},
 *                {@code enrol_ceiling}, {@code code_user}, {@code code_user_number}, {@code code_ceiling}; or
 *                {@code no_channel}: no code channel can be used);
 *                null for a code sent
 */
public record SmsOutcome(Purpose purpose, String region, String refusal) {

    public static SmsOutcome sent(Purpose purpose, String region) {
        return new SmsOutcome(purpose, region, null);
    }

    public static SmsOutcome refused(Purpose purpose, String refusal) {
        return new SmsOutcome(purpose, null, refusal);
    }

    public boolean wasSent() {
        return refusal == null;
    }
}
