package com.videoapi.portal.security.passwordreset.boundary;

import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.verification.boundary.CodeProblem;

import java.io.Serializable;
import java.util.UUID;

/**
 * Where a password reset stands after proving the second factor (or trying to).
 *
 * @param verificationId for {@link State#CODE_SENT}: the code to check
 * @param proof          for {@link State#PROVEN}: the secret that {@link PasswordResets#reset} asks for,
 *                       kept by the page for this browser only; never shown, logged or mailed
 * @param problem        for {@link State#REFUSED}: why no code could be sent or the code was refused
 * @param link           for {@link State#LINK_REFUSED}: what the link turned out to be
 * @param passkey        for {@link State#PASSKEY_REFUSED}: why the passkey's answer was refused
 */
public record ResetStep(State state, UUID verificationId, String maskedNumber, String proof, CodeProblem problem,
                        LinkState link, Passkeys.Assertion passkey) implements Serializable {

    public enum State { CODE_SENT, PROVEN, REFUSED, PASSKEY_REFUSED, LINK_REFUSED }

    static ResetStep codeSent(UUID verificationId, String maskedNumber) {
        return new ResetStep(State.CODE_SENT, verificationId, maskedNumber, null, null, LinkState.USABLE, null);
    }

    static ResetStep proven(String proof) {
        return new ResetStep(State.PROVEN, null, null, proof, null, LinkState.USABLE, null);
    }

    static ResetStep refused(CodeProblem problem) {
        return new ResetStep(State.REFUSED, null, null, null, problem, LinkState.USABLE, null);
    }

    static ResetStep passkeyRefused(Passkeys.Assertion why) {
        return new ResetStep(State.PASSKEY_REFUSED, null, null, null, null, LinkState.USABLE, why);
    }

    static ResetStep linkRefused(LinkState link) {
        return new ResetStep(State.LINK_REFUSED, null, null, null, null, link, null);
    }

    public boolean is(State expected) {
        return state == expected;
    }
}
