package com.videoapi.portal.account.accounts.boundary;

import java.io.Serializable;
import java.text.Normalizer;

/** The name of an account as stored and shown: NFC, without surrounding white space, printable. */
public final class AccountName implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_LENGTH = 100;

    private final String value;

    private AccountName(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException with a message fit for the person who typed it
     */
    public static AccountName of(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Enter a name for the account.");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("The account name can be at most " + MAX_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The account name cannot contain control characters.");
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
