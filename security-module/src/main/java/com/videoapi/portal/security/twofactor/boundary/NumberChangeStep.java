package com.videoapi.portal.security.twofactor.boundary;

import com.videoapi.portal.security.verification.boundary.CodeProblem;

import java.io.Serializable;
import java.util.UUID;

/**
 * Where a change of the 2FA number stands after a step ({@link NumberChanges}): a code on its way to
 * the new number ({@link State#CODE_SENT}, with {@code verificationId} and the masked new number), the
 * number changed ({@link State#CHANGED}, with the masked new number), or refused ({@link State#REFUSED},
 * with the {@link Refusal}, and the {@link CodeProblem} when it is about a code). A refused step
 * changed nothing: the old number stays. The web module says each in words.
 */
public record NumberChangeStep(State state, UUID verificationId, String maskedNumber, Refusal refusal,
                               CodeProblem problem) implements Serializable {

    public enum State { CODE_SENT, CHANGED, REFUSED }

    /** Why a step was refused. */
    public enum Refusal {
        /** The number typed is the one 2FA uses already. */
        SAME_NUMBER,
        /** Two-factor authentication is off (or was switched off meanwhile): there is no number to change. */
        TWO_FACTOR_OFF,
        /** Sending or checking the code failed: {@code problem} says how. */
        CODE_PROBLEM
    }

    static NumberChangeStep codeSent(UUID verificationId, String maskedNumber) {
        return new NumberChangeStep(State.CODE_SENT, verificationId, maskedNumber, null, null);
    }

    static NumberChangeStep changed(String maskedNumber) {
        return new NumberChangeStep(State.CHANGED, null, maskedNumber, null, null);
    }

    static NumberChangeStep refused(Refusal refusal) {
        return new NumberChangeStep(State.REFUSED, null, null, refusal, null);
    }

    static NumberChangeStep refused(CodeProblem problem) {
        return new NumberChangeStep(State.REFUSED, null, null, Refusal.CODE_PROBLEM, problem);
    }

    public boolean is(State expected) {
        return state == expected;
    }

    /** Whether the page should offer "Send a new code": the code can take no more tries. */
    public boolean offerNewCode() {
        return problem == CodeProblem.EXPIRED;
    }
}
