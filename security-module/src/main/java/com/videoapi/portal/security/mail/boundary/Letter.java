package com.videoapi.portal.security.mail.boundary;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One mail to one person, as {@link Outbox#post} takes it. The words come from the mail bundle
 * {@code com/videoapi/portal/security/mail/mails.properties} (and {@code mails_de.properties}) by kind:
 * {@code <KIND>.subject}, {@code <KIND>.text} (the plain-text part) and {@code <KIND>.html} (the body of
 * the HTML part). {@code {name}} in them is replaced by {@code values.get("name")}, HTML-escaped in the
 * HTML part; every mail also knows {@code {account}} (the address it goes to, so the person sees which
 * account it is about) unless {@code values} sets it. A placeholder without a value stays as written,
 * which a test sees.
 *
 * <p>Values never hold a code, a password or a whole phone number (a masked one, from
 * {@code PhoneNumber.masked()}, is fine). Links come from {@link PortalLinks}.
 *
 * @param kind   what the mail is about
 * @param userId the person it is about (for the audit trail), or null when there is none
 * @param to     the address it goes to
 * @param locale the person's language; null means English
 * @param values the placeholders' values, by name
 */
public record Letter(MailKind kind, UUID userId, String to, Locale locale, Map<String, String> values)
        implements Serializable {

    public Letter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        locale = locale == null ? Locale.ENGLISH : locale;
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** Never the whole address: logs print records. */
    @Override
    public String toString() {
        return "Letter[" + kind + " to " + MaskedAddress.of(to) + "]";
    }
}
