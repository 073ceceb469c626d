package com.videoapi.portal.security.passwords.control;

import com.videoapi.portal.security.passwords.boundary.PasswordProblem;

import java.text.Normalizer;

/**
 * What a password must be, after NIST SP 800-63B 3.1.1.2: long enough, any characters, no
 * composition rules, and not one of the {@link CommonPasswords} attackers try first.
 *
 * <p>Passwords are compared in NFKC form, as 800-63B recommends, so that the same passphrase typed
 * on two keyboards that compose characters differently still matches. Length is counted in Unicode
 * code points of that form: an emoji is one character, as the person sees it.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** The form in which a password is hashed and checked. */
    public static String normalised(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * @return the normalised password
     * @throws PasswordProblem.Refused saying which {@link PasswordProblem}
     */
    public static String requireAcceptable(String password) {
        if (password == null || password.isEmpty()) {
            throw new PasswordProblem.Refused(PasswordProblem.MISSING, "Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        String normalised = normalised(password);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_LENGTH) {
            throw new PasswordProblem.Refused(PasswordProblem.TOO_SHORT, "The password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (length > MAX_LENGTH) {
            throw new PasswordProblem.Refused(PasswordProblem.TOO_LONG, "The password can be at most " + MAX_LENGTH + " characters long.");
        }
        if (CommonPasswords.contains(normalised)) {
            throw new PasswordProblem.Refused(PasswordProblem.COMMON, "The password is on a list of common or leaked passwords.");
        }
        return normalised;
    }
}
