package com.videoapi.portal.security.verification.control;

import java.util.Locale;

/** Why {@link SendBudgets} says no to a code: the budget that is spent. */
public enum Refusal {
    /** Enrolment codes of one account in an hour. */
    ENROL_USER,
    /** Distinct numbers one account sent enrolment codes to in a day. */
    ENROL_USER_NUMBERS,
    /** Enrolment codes to one number in a day, whoever asks. */
    ENROL_NUMBER,
    /** Enrolment codes asked for from one client address in an hour. */
    ENROL_ADDRESS,
    /** The portal's enrolment codes in an hour: a ceiling against toll fraud. */
    ENROL_CEILING,
    /** Sign-in and confirmation codes of one user in an hour. */
    CODE_USER,
    /** Sign-in and confirmation codes of one user to their number in a day. */
    CODE_USER_NUMBER,
    /** The portal's sign-in and confirmation codes in an hour. */
    CODE_CEILING,
    /** No {@code twofactor.number-key}: numbers cannot be counted, so no code is sent (fails closed). */
    NUMBER_KEY_MISSING;

    /** Whether this is a portal-wide ceiling rather than one person's, number's or address's budget. */
    public boolean isCeiling() {
        return this == ENROL_CEILING || this == CODE_CEILING;
    }

    /** The tag of the {@code portal.sms.refused} meter: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
