package com.videoapi.portal.web.forms;

import com.videoapi.portal.account.accounts.boundary.AccountName;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Reads an account's name for every bean property of type {@link AccountName}; a refusal is a
 * message on its field, in the page's language. Nothing typed is no name (null): {@code required}
 * on the field says that one.
 */
@FacesConverter(forClass = AccountName.class)
public class AccountNameConverter implements Converter<AccountName> {

    @Override
    public AccountName getAsObject(FacesContext context, UIComponent component, String typed) {
        Locale language = Words.languageOf(context);
        return read(typed, ResourceBundle.getBundle(Words.BUNDLE, language), language);
    }

    static AccountName read(String typed, ResourceBundle words, Locale language) {
        if (typed == null || typed.isEmpty()) {
            return null;
        }
        try {
            return AccountName.of(typed);
        } catch (AccountName.Invalid invalid) {
            Object[] limit = invalid.problem() == AccountName.Problem.TOO_LONG ? new Object[] {AccountName.MAX_LENGTH} : new Object[0];
            String text = Words.format(words, Words.keyOf(invalid.problem()), language, limit);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null), invalid);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, AccountName name) {
        return name == null ? "" : name.value();
    }
}
