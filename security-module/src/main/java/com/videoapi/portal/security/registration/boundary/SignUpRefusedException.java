package com.videoapi.portal.security.registration.boundary;

import com.videoapi.portal.security.passwords.boundary.PasswordProblem;

/**
 * A sign-up that cannot go ahead: the password cannot be chosen ({@link #passwordProblem()} says why).
 * The web module says it next to the field. A taken address is no refusal: it would tell a stranger
 * who has an account (see {@link Registrations}).
 */
public class SignUpRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the sign-up was refused. */
    public enum Reason { PASSWORD_REFUSED }

    private final Reason reason;
    private final PasswordProblem passwordProblem;

    SignUpRefusedException(Reason reason, PasswordProblem passwordProblem) {
        super("Sign-up refused: " + reason + (passwordProblem == null ? "" : " " + passwordProblem));
        this.reason = reason;
        this.passwordProblem = passwordProblem;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#PASSWORD_REFUSED}; else null. */
    public PasswordProblem passwordProblem() {
        return passwordProblem;
    }
}
