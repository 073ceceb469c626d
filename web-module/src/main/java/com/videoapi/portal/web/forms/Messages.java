package com.videoapi.portal.web.forms;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Puts a message, in {@link Words}, on the page: next to a field or at the top of the form. */
public final class Messages {

    private Messages() {
    }

    /** @param clientId the field's client id (e.g. {@code "security:code"}), or null for the whole form */
    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
