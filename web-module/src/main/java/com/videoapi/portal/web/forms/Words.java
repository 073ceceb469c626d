package com.videoapi.portal.web.forms;

import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of the pages, from the resource bundle {@value #BUNDLE} (faces-config.xml names it
 * {@code msg} for the pages), in the language of the view: what Java adds to a page (a
 * {@code FacesMessage}) reads like the page around it.
 *
 * <p>An outcome of a boundary is said by its enum constant: the key is the enum's simple name (with
 * its enclosing types) and the constant, e.g. {@code CodeProblem.WRONG_CODE} or
 * {@code TwoFactorStep.Result.ENABLED}. A key said with arguments is a {@link MessageFormat} pattern.
 */
public final class Words {

    public static final String BUNDLE = "com.videoapi.portal.web.messages";

    private Words() {
    }

    /** The words of {@code key} in the current view's language. */
    public static String of(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale language = languageOf(faces);
        return format(ResourceBundle.getBundle(BUNDLE, language), key, language, arguments);
    }

    /** The words for an outcome of a boundary, in the current view's language. */
    public static String of(Enum<?> outcome, Object... arguments) {
        return of(keyOf(outcome), arguments);
    }

    /** The language of the view (English when there is none, as outside a Faces request). */
    public static Locale languageOf(FacesContext faces) {
        if (faces == null) {
            return Locale.ENGLISH;
        }
        if (faces.getViewRoot() != null && faces.getViewRoot().getLocale() != null) {
            return faces.getViewRoot().getLocale();
        }
        return faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    /** {@code CodeProblem.WRONG_CODE}, {@code TwoFactorStep.Result.ENABLED}. */
    public static String keyOf(Enum<?> outcome) {
        Class<?> type = outcome.getDeclaringClass();
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.') + "." + outcome.name();
    }

    static String format(ResourceBundle words, String key, Locale language, Object... arguments) {
        String pattern = words.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
    }
}
