package com.videoapi.portal.security.registration.boundary;

/** A sign-up that cannot go ahead; the message is for the person, next to the field it concerns. */
public class SignUpRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The form field that the refusal is about. */
    public enum Field { ACCOUNT_NAME, EMAIL, PASSWORD }

    private final Field field;

    public SignUpRefusedException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
