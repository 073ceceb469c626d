package com.videoapi.portal.account.accounts.boundary;

import java.io.Serializable;
import java.text.Normalizer;

/** The name of an account as stored and shown: NFC, without surrounding white space, printable. */
public final class AccountName implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_LENGTH = 100;

    /** Why what a person typed can be no account's name; the web module says it in their language. */
    public enum Problem { MISSING, TOO_LONG, CONTROL_CHARACTERS }

    /** A refused name, with the {@link Problem}; the message is English, for logs and tests. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final Problem problem;

        Invalid(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final String value;

    private AccountName(String value) {
        this.value = value;
    }

    /**
     * @throws Invalid with the {@link Problem} (the longest name is {@link #MAX_LENGTH})
     */
    public static AccountName of(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            throw new Invalid(Problem.MISSING, "Enter a name for the account.");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new Invalid(Problem.TOO_LONG, "The account name can be at most " + MAX_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new Invalid(Problem.CONTROL_CHARACTERS, "The account name cannot contain control characters.");
        }
        return new AccountName(name);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountName that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
