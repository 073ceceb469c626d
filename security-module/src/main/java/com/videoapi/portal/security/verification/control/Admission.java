package com.videoapi.portal.security.verification.control;

import java.util.Optional;

/**
 * The answer of {@link SendBudgets} to one code: send it (and it is counted already), or the
 * {@link Refusal} that says why not.
 */
public record Admission(Refusal refusal) {

    public static final Admission SEND = new Admission(null);

    public static Admission refused(Refusal refusal) {
        return new Admission(refusal);
    }

    public boolean admitted() {
        return refusal == null;
    }

    public Optional<Refusal> refusalReason() {
        return Optional.ofNullable(refusal);
    }
}
