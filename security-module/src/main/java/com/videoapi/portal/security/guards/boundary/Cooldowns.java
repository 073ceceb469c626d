package com.videoapi.portal.security.guards.boundary;

import com.videoapi.portal.security.guards.control.SharedWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * At most one of something per cooldown, across the nodes of a cluster (counted in the database like
 * {@link AddressThrottles}): e.g. one "someone tried to sign up with your address" mail per owner.
 */
@ApplicationScoped
public class Cooldowns {

    @Inject
    SharedWindows windows;

    /**
     * Whether {@code what} (a kind and a key: {@code address-taken:<user id>}) may happen now; if so,
     * counts it, so that no other request on any node may until {@code cooldown} has passed.
     *
     * @param cooldown at most a day
     */
    public boolean admit(String what, Duration cooldown) {
        return windows.hit("cooldown:" + what, cooldown, 1).isEmpty();
    }
}
