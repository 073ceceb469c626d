package com.videoapi.portal.web.forms;

import com.videoapi.portal.account.users.boundary.EmailAddress;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Reads an e-mail address for every bean property of type {@link EmailAddress}; a refusal is a
 * message on its field, in the page's language. Nothing typed is no address (null): {@code required}
 * on the field says that one. (Sign-in takes the address as typed: an address that cannot exist
 * gets the same answer there as a wrong password.)
 */
@FacesConverter(forClass = EmailAddress.class)
public class EmailAddressConverter implements Converter<EmailAddress> {

    @Override
    public EmailAddress getAsObject(FacesContext context, UIComponent component, String typed) {
        Locale language = Words.languageOf(context);
        return read(typed, ResourceBundle.getBundle(Words.BUNDLE, language), language);
    }

    static EmailAddress read(String typed, ResourceBundle words, Locale language) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return EmailAddress.of(typed);
        } catch (EmailAddress.Invalid invalid) {
            String text = Words.format(words, Words.keyOf(invalid.problem()), language);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null), invalid);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, EmailAddress address) {
        return address == null ? "" : address.value();
    }
}
