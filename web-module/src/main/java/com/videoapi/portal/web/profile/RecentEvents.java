package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.audit.boundary.AuditLog;
import com.videoapi.portal.security.settings.boundary.SecuritySettings;
import com.videoapi.portal.web.forms.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The user's last {@value SecuritySettings#EVENTS_SHOWN} security events, as Security Settings lists them ({@link ShownSettings}). */
@Named("recentEvents")
@RequestScoped
public class RecentEvents implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ShownSettings shown;

    @Inject
    FacesContext faces;

    /**
     * The events, read once when the page is drawn, so that what this request did is among them.
     * The table has nothing to decode: before rendering it is empty, and costs no query.
     */
    public List<AuditLog.Entry> getEvents() {
        if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return List.of();
        }
        return shown.get().events();
    }

    /** What happened, in the page's language: "Sign in code failed" for {@code SIGN_IN_CODE_FAILED}. */
    public String describe(Enum<?> kind) {
        return Words.of(kind);
    }
}
