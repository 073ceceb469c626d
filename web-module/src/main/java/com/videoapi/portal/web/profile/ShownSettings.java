package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.settings.boundary.SecuritySettings;
import com.videoapi.portal.security.settings.boundary.SecuritySettingsView;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.web.home.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What Security Settings shows, read once a request ({@link SecuritySettings}, one transaction) for
 * every form of the page: a form reads its part here, never its boundary, while the page is built and
 * drawn. Read again only when it may be out of date: after a change of this request
 * ({@link SettingsChanged}), and once when a postback starts drawing the page (what its action did,
 * an event of the audit trail too, is then shown). A GET reads once. A form that keeps rows or choices
 * in its view (so that a postback finds the rows the person saw) takes them from here, as it took them
 * from its boundary before.
 */
@RequestScoped
public class ShownSettings {

    @Inject
    SecuritySettings settings;

    @Inject
    CurrentUser currentUser;

    private SecuritySettingsView shown;
    private PhaseId readIn;

    /** The settings of the signed-in person, as of this request. */
    public SecuritySettingsView get() {
        PhaseId now = phase();
        if (shown != null && now == PhaseId.RENDER_RESPONSE && readIn != PhaseId.RENDER_RESPONSE) {
            shown = null;
        }
        if (shown == null) {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            shown = settings.of(currentUser.getProfile(), TrustedDeviceCookie.read(request).orElse(null));
            readIn = now;
        }
        return shown;
    }

    /** Before any form that observes the change reads again (they observe at the default priority, later). */
    void changed(@Observes(notifyObserver = Reception.IF_EXISTS) @Priority(Interceptor.Priority.APPLICATION) SettingsChanged changed) {
        shown = null;
    }

    private static PhaseId phase() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? null : faces.getCurrentPhaseId();
    }
}
