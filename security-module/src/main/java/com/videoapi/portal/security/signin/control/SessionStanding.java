package com.videoapi.portal.security.signin.control;

import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The database side of a signed-in session's check on each protected request: whether the user's
 * sessions were ended since it signed in (the session epoch) and, for a session signed in from a
 * trusted device, whether that device is still trusted. One transaction for both, as this runs on
 * every page and form post behind the sign-in (issue 12: each was a transaction of its own).
 */
@Stateless
public class SessionStanding {

    @Inject
    Guards guards;

    @Inject
    TrustedDevices trustedDevices;

    /** Whether a session signed in at {@code epoch}, from {@code deviceId} (null: none), may go on. */
    public boolean stillValid(UUID userId, long epoch, UUID deviceId) {
        return guards.sessionEpoch(userId) == epoch && (deviceId == null || trustedDevices.stillTrusted(deviceId));
    }
}
