package com.videoapi.portal.security.twofactor.boundary;

import com.videoapi.portal.security.verification.boundary.CodeProblem;

import java.io.Serializable;
import java.util.UUID;

/**
 * Where a change to two-factor authentication stands after a step: {@link State#CODE_SENT} (then
 * {@code verificationId} and {@code maskedNumber} say which code to type), {@link State#FACTOR_NEEDED}
 * (the password was right; a second factor of the person's choice comes next, no code was sent;
 * {@code maskedNumber} is the number one can be sent to, or null), {@link State#DONE} with
 * the {@link Result}, or {@link State#REFUSED} with the {@link Refusal} (and the {@link CodeProblem}
 * when it is about a code). A refused step changed nothing. The web module says each in words.
 */
public record TwoFactorStep(State state, UUID verificationId, String maskedNumber, Result result, Refusal refusal,
                            CodeProblem problem) implements Serializable {

    public enum State { CODE_SENT, FACTOR_NEEDED, DONE, REFUSED }

    /** What a step that is done did. */
    public enum Result { ENABLED, DISABLED, PROVEN }

    /** Why a step was refused. */
    public enum Refusal { WRONG_PASSWORD, CODE_PROBLEM }

    public static TwoFactorStep codeSent(UUID verificationId, String maskedNumber) {
        return new TwoFactorStep(State.CODE_SENT, verificationId, maskedNumber, null, null, null);
    }

    public static TwoFactorStep factorNeeded(String maskedNumber) {
        return new TwoFactorStep(State.FACTOR_NEEDED, null, maskedNumber, null, null, null);
    }

    public static TwoFactorStep done(Result result) {
        return new TwoFactorStep(State.DONE, null, null, result, null, null);
    }

    public static TwoFactorStep wrongPassword() {
        return new TwoFactorStep(State.REFUSED, null, null, null, Refusal.WRONG_PASSWORD, null);
    }

    public static TwoFactorStep refused(CodeProblem problem) {
        return new TwoFactorStep(State.REFUSED, null, null, null, Refusal.CODE_PROBLEM, problem);
    }

    public boolean is(State expected) {
        return state == expected;
    }

    /** Whether the page should offer "Send a new code": the code can take no more tries. */
    public boolean offerNewCode() {
        return problem == CodeProblem.EXPIRED;
    }
}
