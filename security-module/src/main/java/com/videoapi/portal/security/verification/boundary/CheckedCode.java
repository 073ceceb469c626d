package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;

/** The answer to checking a code: the number it proved, or the problem. */
public record CheckedCode(PhoneNumber provenNumber, CodeProblem problem) {

    static CheckedCode confirmed(PhoneNumber number) {
        return new CheckedCode(number, null);
    }

    static CheckedCode refused(CodeProblem problem) {
        return new CheckedCode(null, problem);
    }

    public boolean isConfirmed() {
        return problem == null;
    }
}
