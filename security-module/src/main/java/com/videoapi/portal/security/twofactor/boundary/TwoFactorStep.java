package com.videoapi.portal.security.twofactor.boundary;

import java.io.Serializable;
import java.util.UUID;

/**
 * Where a change to two-factor authentication stands after a step: {@link State#CODE_SENT} (then
 * {@code verificationId} and {@code maskedNumber} say which code to type), {@link State#DONE}, or
 * {@link State#REFUSED} with a message for the person. A refused step changed nothing.
 */
public record TwoFactorStep(State state, UUID verificationId, String maskedNumber, String message, boolean offerNewCode)
        implements Serializable {

    public enum State { CODE_SENT, DONE, REFUSED }

    static TwoFactorStep codeSent(UUID verificationId, String maskedNumber) {
        return new TwoFactorStep(State.CODE_SENT, verificationId, maskedNumber, null, false);
    }

    static TwoFactorStep done(String message) {
        return new TwoFactorStep(State.DONE, null, null, message, false);
    }

    static TwoFactorStep refused(String message) {
        return new TwoFactorStep(State.REFUSED, null, null, message, false);
    }

    static TwoFactorStep refused(String message, boolean offerNewCode) {
        return new TwoFactorStep(State.REFUSED, null, null, message, offerNewCode);
    }

    public boolean is(State expected) {
        return state == expected;
    }
}
