package com.videoapi.portal.web.forms;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;

/**
 * Puts a message, in {@link Words}, on the page: next to a field or at the top of the form.
 * <p>
 * The page says which field a message belongs to, never the Java: it binds the field to a name of
 * the request and passes it to the action, and the action hands it on here.
 * <pre>{@code
 * <h:inputText id="code" binding="#{codeField}" .../>
 * <h:message for="code"/>
 * <h:commandButton action="#{twoFactorForm.confirm(codeField)}" .../>
 * }</pre>
 * A client id written in Java would break silently when a form or a field is renamed.
 */
public final class Messages {

    private Messages() {
    }

    /** @param field the field the page passed to the action, or null for the whole form */
    public static void error(UIComponent field, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(field == null ? null : field.getClientId(faces), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
