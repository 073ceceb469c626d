package com.videoapi.portal.web.forms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Moments as the pages show them: in the page's language, by the pattern of the bundle's
 * {@code dates.pattern} ("30 Nov 2026, 14:05 UTC", "30. Nov. 2026, 14:05 UTC"), always in UTC and
 * saying so, since the server does not know the person's time zone.
 */
@Named("dates")
@RequestScoped
public class Dates {

    @Inject
    FacesContext faces;

    private DateTimeFormatter format;

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        if (format == null) {
            format = formatterFor(Words.languageOf(faces));
        }
        return format.format(instant);
    }

    static DateTimeFormatter formatterFor(Locale language) {
        String pattern = ResourceBundle.getBundle(Words.BUNDLE, language).getString("dates.pattern");
        return DateTimeFormatter.ofPattern(pattern, language).withZone(ZoneOffset.UTC);
    }
}
