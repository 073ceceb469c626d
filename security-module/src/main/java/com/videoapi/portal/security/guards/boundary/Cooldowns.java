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
     * @param cooldown a longer one than {@link SharedWindows#LONGEST_WINDOW} (a day) counts as a day, so that a
     *                 setting never turns a refusal into a failure
     */
    public boolean admit(String what, Duration cooldown) {
        if (cooldown.isNegative() || cooldown.isZero()) {
            return true; // no cooldown set
        }
        Duration window = cooldown.compareTo(SharedWindows.LONGEST_WINDOW) > 0 ? SharedWindows.LONGEST_WINDOW : cooldown;
        return windows.hit("cooldown:" + what, window, 1).isEmpty();
    }
}
