package com.videoapi.portal.security.mail.control;

import com.videoapi.portal.security.mail.boundary.Letter;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Letter} in words: its subject, plain-text part and HTML part from the mail bundle
 * ({@value #BUNDLE}, English in {@code mails.properties}, German in {@code mails_de.properties}), in
 * the letter's language, with the {@code {name}} placeholders filled. Values are HTML-escaped in the
 * HTML part, so an account name cannot add markup to a mail. The HTML part is the kind's
 * {@code .html} body inside {@code layout.html}.
 */
public record Composition(String subject, String text, String html) {

    public static final String BUNDLE = "com.videoapi.portal.security.mail.mails";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_-]*)}");

    public static Composition of(Letter letter) {
        ResourceBundle bundle = bundle(letter.locale());
        Map<String, String> values = new HashMap<>();
        values.put("account", letter.to());
        values.putAll(letter.values());
        String kind = letter.kind().name();
        String subject = fill(bundle.getString(kind + ".subject"), values, false);
        String text = fill(bundle.getString(kind + ".text"), values, false)
                + "\n\n-- \n" + fill(bundle.getString("footer.text"), values, false) + "\n";
        String body = fill(bundle.getString(kind + ".html"), values, true);
        String html = bundle.getString("layout.html")
                .replace("{lang}", bundle.getLocale().getLanguage().isEmpty() ? "en" : bundle.getLocale().getLanguage())
                .replace("{subject}", escape(subject))
                .replace("{footer}", fill(bundle.getString("footer.html"), values, true))
                .replace("{body}", body);
        return new Composition(subject, text, html);
    }

    /** English unless the bundle has the language: never the server's own default locale. */
    static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, Composition.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, Composition.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
    }

    static String fill(String template, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            String replacement = value == null ? m.group() : html ? escape(value) : value;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
