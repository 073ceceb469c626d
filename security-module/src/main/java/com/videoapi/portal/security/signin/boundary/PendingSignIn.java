package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.security.verification.boundary.CodeProblem;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * A sign-in whose password step is done and whose code step is not: kept in the session, it makes
 * the caller nobody yet. Holds no secret; the code lives with the code channel.
 *
 * @param epoch          the user's session epoch read before the password was checked: when it has
 *                       moved on by the code step (a new password, 2FA switched, a new trusted
 *                       device), this sign-in cannot finish
 * @param verificationId the code that was sent, or null when sending failed ({@code problem} says why),
 *                       or when none was asked for yet (a passkey was offered first: {@code problem} null)
 * @param offers         what the code pages offer, as the password step found it
 */
public record PendingSignIn(UUID userId, String callerName, Set<String> groups, long epoch, UUID verificationId,
                            String maskedNumber, CodeProblem problem, Offers offers) implements Serializable {

    static final String SESSION_ATTRIBUTE = PendingSignIn.class.getName();

    public PendingSignIn {
        groups = Set.copyOf(groups);
    }

    /** The same sign-in, waiting for another code (or for none, {@code problem} saying why). */
    public PendingSignIn withCode(UUID newVerificationId, String newMaskedNumber, CodeProblem newProblem) {
        return new PendingSignIn(userId, callerName, groups, epoch, newVerificationId, newMaskedNumber, newProblem, offers);
    }

    /**
     * What the pages of the second step show besides the code (issue 12): read once by the password
     * step, which has them at hand, rather than by a transaction at each drawing of a page. A method
     * added or removed meanwhile changes only a link shown: each step checks what the user has.
     *
     * @param app       the user has an authenticator app, offered as another way
     * @param passkey   the user has a passkey, offered first
     * @param trustDays how long "Trust this device" trusts, in days ({@code TrustedDevices#trustPeriod})
     */
    public record Offers(boolean app, boolean passkey, long trustDays) implements Serializable {
    }

    public boolean codeWasSent() {
        return verificationId != null;
    }
}
