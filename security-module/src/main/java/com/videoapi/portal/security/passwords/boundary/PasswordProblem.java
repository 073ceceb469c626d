package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.security.passwords.control.PasswordPolicy;

/** Why a password cannot be chosen (for a length, with the length it misses); the web module says it in the person's language. */
public enum PasswordProblem {

    /** Nothing typed; {@link #limit()} is the shortest length. */
    MISSING(PasswordPolicy.MIN_LENGTH),
    /** {@link #limit()} is the shortest length. */
    TOO_SHORT(PasswordPolicy.MIN_LENGTH),
    /** {@link #limit()} is the longest length. */
    TOO_LONG(PasswordPolicy.MAX_LENGTH),
    /** On the list of common and leaked passwords that attackers try first; {@link #limit()} is 0 (no length). */
    COMMON(0);

    private final int limit;

    PasswordProblem(int limit) {
        this.limit = limit;
    }

    /** The length, in characters as a person counts them, that the password misses. */
    public int limit() {
        return limit;
    }

    /** A refused password, with the problem; the message is English, for logs and tests. */
    public static final class Refused extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final PasswordProblem problem;

        public Refused(PasswordProblem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public PasswordProblem problem() {
            return problem;
        }
    }
}
