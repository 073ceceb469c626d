package com.videoapi.portal.web.profile;

import com.videoapi.portal.security.trusteddevices.boundary.TrustedDeviceView;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.web.forms.Messages;
import com.videoapi.portal.web.forms.Words;
import com.videoapi.portal.web.profile.FreshProof.Proven;
import com.videoapi.portal.web.profile.FreshProof.Revoke;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The trusted devices of Security Settings, each with "Revoke" (after a fresh proof of identity,
 * {@link FreshProof}). Shown as read once a request ({@link ShownSettings}).
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
    PageUser pageUser;

    @Inject
    ShownSettings shown;

    @Inject
    Event<SettingsChanged> changes;

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

    public List<TrustedDeviceView> getDevices() {
        return shown.get().trustedDevices();
    }
}
