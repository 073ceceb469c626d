package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.security.passkeys.boundary.Passkeys;
import com.videoapi.portal.security.signin.control.SignedInCaller;
import com.videoapi.portal.security.verification.boundary.CodeProblem;

import java.time.Duration;

/**
 * Where a sign-in stands after one of its steps ({@link SignIns}): what the mechanism then does with
 * the session, the trusted-device cookie and the browser. Carries no secret but a new cookie value.
 */
public sealed interface SignInStep {

    /** Signed in: the session carries {@code caller} from now on; {@code deviceCookie} may be new. */
    record SignedIn(SignedInCaller caller, DeviceCookie deviceCookie) implements SignInStep {
    }

    /**
     * The password was right and a code is needed (or could not be sent: {@code pending.problem()}).
     *
     * @param dropDeviceCookie the browser's trusted-device cookie is worthless (another user's,
     *                         expired, revoked or spent), so the browser need not keep it
     * @param page             where the sign-in goes on: the texted code's page, or the method the
     *                         person chose to open on (then no code was sent)
     */
    record CodeNeeded(PendingSignIn pending, boolean dropDeviceCookie, String page) implements SignInStep {

        /** On the texted code's page. */
        CodeNeeded(PendingSignIn pending, boolean dropDeviceCookie) {
            this(pending, dropDeviceCookie, SignInMechanism.CODE_PAGE);
        }
    }

    /**
     * The password was right and the user has a passkey: the sign-in goes on at the passkey page (no
     * code sent yet; the person may ask for one there). Same cookie rule as {@link CodeNeeded}.
     */
    record PasskeyOffered(PendingSignIn pending, boolean dropDeviceCookie) implements SignInStep {
    }

    /** The e-mail address or password is wrong, or the password step is locked: the same answer. */
    record PasswordRefused() implements SignInStep {
    }

    /**
     * The password was right, 2FA is on, and no number is stored to send a code to (nor does a trusted
     * device stand in): refused, never signed in with the password alone. Only an operator can help.
     */
    record SecondFactorMissing() implements SignInStep {
    }

    /**
     * The password was right, but the account was reported as not its owner's ("This wasn't me"):
     * refused until a new password is chosen through "Forgot password?".
     */
    record PasswordResetDemanded() implements SignInStep {
    }

    /** The code step was refused; nothing changed but the counts of wrong codes. */
    record CodeRefused(CodeProblem problem) implements SignInStep {
    }

    /** The passkey step was refused ({@code outcome} says why); nothing changed. */
    record PasskeyRefused(Passkeys.Assertion outcome) implements SignInStep {
    }

    /**
     * The user's password, second factor or sessions changed while this sign-in was under way (its
     * session epoch moved on): it cannot finish, and the person signs in again from the start.
     */
    record StartAgain() implements SignInStep {
    }

    /** A trusted-device cookie value for the browser to keep, and for how long; null value: none to write. */
    record DeviceCookie(String value, Duration lifetime) {

        static final DeviceCookie NONE = new DeviceCookie(null, Duration.ZERO);

        public boolean isPresent() {
            return value != null;
        }
    }
}
