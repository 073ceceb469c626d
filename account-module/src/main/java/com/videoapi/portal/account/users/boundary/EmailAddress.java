package com.videoapi.portal.account.users.boundary;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as the sign-in name of a {@link User}: normalised so that the same person
 * typing it differently ({@code " Ann@Example.COM"}, a decomposed accent) finds the same account.
 *
 * <p>Normalisation is NFC, surrounding white space removed, and lower case over the whole address.
 * Lower-casing the local part is not what RFC 5321 allows in theory, but every mailbox provider that
 * matters treats it case-insensitively, and two accounts differing only by case would confuse people.
 * The check is deliberately modest (one {@code @}, a dotted domain, no spaces or controls, at most
 * 254 characters as RFC 5321 limits a path): the address is proven by use, not by a regular expression.
 */
public final class EmailAddress implements Serializable {

    private static final long serialVersionUID = 1L;

    /** RFC 5321, 4.5.3.1.3: a forward path is at most 256 octets including the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

    /** Why what a person typed is no e-mail address; the web module says it in their language. */
    public enum Problem { MISSING, MALFORMED }

    /** A refused address, with the {@link Problem}; the message is English, for logs and tests. */
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

    private EmailAddress(String value) {
        this.value = value;
    }

    /**
     * @throws Invalid with the {@link Problem}
     */
    public static EmailAddress of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new Invalid(Problem.MISSING, "Enter your email address.");
        }
        String normalised = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (normalised.length() > MAX_LENGTH || !SHAPE.matcher(normalised).matches()) {
            throw new Invalid(Problem.MALFORMED, "Enter a valid email address, like name@example.com.");
        }
        return new EmailAddress(normalised);
    }

    public String value() {
        return value;
    }

    /** The part before the {@code @}, a fair default for a display name. */
    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && value.equals(that.value);
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
