package com.videoapi.portal.security.verification.boundary;

/** What a verification proves the number for: a code sent for one purpose is no good for another. */
public enum Purpose {
    /** Switching 2FA on: proves the new number. */
    ENROL,
    /** The second step of a sign-in. */
    SIGN_IN,
    /** Switching 2FA off from a device that is not trusted. */
    DISABLE,
    /** Proving again who one is before a sensitive change, from a device that is not trusted. */
    REAUTHENTICATE,
    /** The second factor before a new password chosen through a "Forgot password?" link. */
    PASSWORD_RESET,
    /** Changing the number while 2FA stays on: proves the new number before it replaces the old one. */
    NEW_NUMBER
}
