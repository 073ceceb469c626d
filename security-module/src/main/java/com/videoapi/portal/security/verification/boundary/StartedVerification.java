package com.videoapi.portal.security.verification.boundary;

import java.io.Serializable;
import java.util.UUID;

/**
 * The answer to sending a code: the verification's id and the masked number the code went to, or
 * the problem that kept it from being sent.
 */
public record StartedVerification(UUID verificationId, String maskedNumber, CodeProblem problem) implements Serializable {

    static StartedVerification sent(UUID verificationId, String maskedNumber) {
        return new StartedVerification(verificationId, maskedNumber, null);
    }

    static StartedVerification notSent(String maskedNumber, CodeProblem problem) {
        return new StartedVerification(null, maskedNumber, problem);
    }

    public boolean wasSent() {
        return problem == null;
    }
}
