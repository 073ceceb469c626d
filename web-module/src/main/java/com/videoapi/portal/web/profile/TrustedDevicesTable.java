package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceCookie;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceView;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.home.CurrentUser;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import com.videoapi.portal.web.profile.FreshProof.Revoke;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The trusted devices of Security Settings, each with "Revoke" (after a fresh proof of identity,
 * {@link FreshProof}). Loaded once a request, and again after a change of this request.
 */
@Named("trustedDevicesTable")
@RequestScoped
public class TrustedDevicesTable implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TrustedDevices trustedDevices;

    @Inject
    FreshProof freshProof;

    @Inject
    CurrentUser currentUser;

    @Inject
    PageUser pageUser;

    @Inject
    FacesContext faces;

    @Inject
    Event<SettingsChanged> changes;

    private List<TrustedDeviceView> devices;

    public void revoke(UUID deviceId) {
        if (!pageUser.isStillSignedIn() || freshProof.missingFor(new Revoke(deviceId))) {
            return;
        }
        if (trustedDevices.revoke(pageUser.id(), deviceId)) {
            changes.fire(new SettingsChanged());
            Messages.info(Words.of("devices.revoked"));
        } else {
            Messages.error(null, Words.of("devices.revokedAlready"));
        }
    }

    /** Revoking carries on once the person confirmed it's them. */
    void proven(@Observes Proven proven) {
        if (proven.change() instanceof Revoke revoke) {
            revoke(revoke.deviceId());
        }
    }

    void reload(@Observes(notifyObserver = Reception.IF_EXISTS) SettingsChanged changed) {
        devices = null;
    }

    public List<TrustedDeviceView> getDevices() {
        if (devices == null) {
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            devices = trustedDevices.of(currentUser.getProfile().userId(), TrustedDeviceCookie.read(request).orElse(null));
        }
        return devices;
    }
}
