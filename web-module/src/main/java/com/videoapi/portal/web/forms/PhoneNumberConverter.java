package com.videoapi.portal.web.forms;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Reads a phone number as a person types it, for every bean property of type {@link PhoneNumber}.
 * A number without {@code +} is read in the national format of the country chosen beside it: the
 * page hands the country's component to the phone field as the attribute {@value #COUNTRY}
 * ({@code <f:attribute name="country" value="#{...}"/>} with the select bound there); a plain
 * region code works too. A refusal is a message on the phone field, in the page's language.
 * Nothing typed is no number (null): {@code required} on the field says that one.
 */
@FacesConverter(forClass = PhoneNumber.class)
public class PhoneNumberConverter implements Converter<PhoneNumber> {

    /** The attribute of the phone field that holds the country select, or a region code. */
    public static final String COUNTRY = "country";

    @Override
    public PhoneNumber getAsObject(FacesContext context, UIComponent component, String typed) {
        Locale language = Words.languageOf(context);
        return read(typed, regionOf(component.getAttributes().get(COUNTRY)), ResourceBundle.getBundle(Words.BUNDLE, language),
                language);
    }

    static PhoneNumber read(String typed, String region, ResourceBundle words, Locale language) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return PhoneNumber.parse(typed, region);
        } catch (PhoneNumber.Invalid invalid) {
            String text = Words.format(words, Words.keyOf(invalid.problem()), language);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null), invalid);
        }
    }

    /** The country select's value: converted already when it precedes the phone field, else as sent. */
    static String regionOf(Object country) {
        if (country instanceof EditableValueHolder select) {
            Object value = select.isLocalValueSet() ? select.getLocalValue() : select.getSubmittedValue();
            return value == null ? null : value.toString();
        }
        return country == null ? null : country.toString();
    }

    /** E.164, the form that reads back the same whatever the country chosen. */
    @Override
    public String getAsString(FacesContext context, UIComponent component, PhoneNumber number) {
        return number == null ? "" : number.e164();
    }
}
