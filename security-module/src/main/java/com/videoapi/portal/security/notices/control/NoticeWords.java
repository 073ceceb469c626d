package com.videoapi.portal.security.notices.control;

import com.videoapi.portal.security.audit.boundary.SecurityEvent;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The values that fill a security notice's words: what happened (a sentence of the mail bundle, by
 * the event's kind), when (UTC, written as the recipient's language writes dates), from which device
 * and address. Never a code, a token or a full number: the event carries none.
 */
public final class NoticeWords {

    /** The mail bundle of the security module, where the notice's own words live too. */
    static final String BUNDLE = "com.videoapi.portal.security.mail.mails";

    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private NoticeWords() {
    }

    /** The language the portal writes that is nearest to {@code language}; English when none. */
    public static Locale supported(Locale language) {
        if (language == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** @param link the "This wasn't me" link */
    public static Map<String, String> valuesOf(SecurityEvent event, Locale language, String deviceLabel, String link) {
        // As the mail's own words are read: the base bundle (English) unless the language has one, never
        // the server's default locale.
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, language, NoticeWords.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        // MEDIUM names no zone; the words add "UTC", which the time always is.
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(language).withZone(ZoneOffset.UTC).format(event.at());
        boolean fromABrowser = event.ip() != null || event.userAgent() != null;
        return Map.of(
                "what", words.getString("notice.what." + event.kind().name()),
                "when", when + " UTC",
                "device", fromABrowser ? deviceLabel : words.getString("notice.device.none"),
                "ip", event.ip() == null ? "–" : event.ip(),
                "link", link);
    }
}
