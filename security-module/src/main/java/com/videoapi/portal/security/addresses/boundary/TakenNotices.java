package com.videoapi.portal.security.addresses.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each owner was last told that someone tried to sign up with their address, so that repeated
 * sign-ups mail them once per cooldown. In memory, per server: a cluster of n nodes mails at most n
 * times per cooldown, and sign-ups are throttled per client address besides
 * ({@code signup.per-address-per-hour}). Entries older than the cooldown are dropped as new ones come.
 */
final class TakenNotices {

    private static final Map<UUID, Instant> LAST = new ConcurrentHashMap<>();
    private static final int PRUNE_ABOVE = 10_000;

    private TakenNotices() {
    }

    /** Whether a notice to this owner may go now; if so, counts it. */
    static boolean admit(UUID owner, Instant now, Duration cooldown) {
        if (LAST.size() > PRUNE_ABOVE) {
            LAST.values().removeIf(at -> !now.isBefore(at.plus(cooldown)));
        }
        boolean[] admitted = {false};
        LAST.compute(owner, (id, last) -> {
            if (last == null || !now.isBefore(last.plus(cooldown))) {
                admitted[0] = true;
                return now;
            }
            return last;
        });
        return admitted[0];
    }
}
