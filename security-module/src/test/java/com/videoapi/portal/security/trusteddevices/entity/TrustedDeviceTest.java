package com.videoapi.portal.security.trusteddevices.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a trusted device may stand in for the code: the expiry and revocation rules. */
class TrustedDeviceTest {

    private static final Instant TRUSTED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant EXPIRES = TRUSTED.plus(Duration.ofDays(30));

    private final TrustedDevice device = new TrustedDevice(UUID.randomUUID(), "a".repeat(64), "Chrome on Linux", TRUSTED, EXPIRES);

    @Test
    void active_from_the_moment_it_is_trusted_until_just_before_it_expires() {
        assertTrue(device.isActiveAt(TRUSTED));
        assertTrue(device.isActiveAt(EXPIRES.minusMillis(1)));
    }

    @Test
    void expired_at_and_after_its_expiry() {
        assertFalse(device.isActiveAt(EXPIRES));
        assertFalse(device.isActiveAt(EXPIRES.plus(Duration.ofDays(365))));
    }

    @Test
    void revoked_is_inactive_for_good_and_keeps_the_first_revocation_time() {
        Instant revoked = TRUSTED.plus(Duration.ofDays(2));
        device.revokeAt(revoked);
        device.revokeAt(revoked.plus(Duration.ofDays(1)));
        assertFalse(device.isActiveAt(revoked));
        assertFalse(device.isActiveAt(TRUSTED.plus(Duration.ofDays(3))));
        assertEquals(revoked, device.getRevokedAt());
    }

    @Test
    void use_is_recorded_without_extending_the_trust() {
        Instant used = TRUSTED.plus(Duration.ofDays(29));
        device.usedAt(used);
        assertEquals(used, device.getLastUsedAt());
        assertEquals(EXPIRES, device.getExpiresAt());
    }

    @Test
    void the_token_spent_at_a_rotation_is_good_for_the_grace_only_counted_from_that_rotation() {
        Duration grace = Duration.ofSeconds(10);
        Instant rotated = TRUSTED.plus(Duration.ofDays(1));
        assertFalse(device.isSpentWithinGrace("a".repeat(64), rotated, grace), "nothing spent before the first rotation");
        device.rotate("b".repeat(64), rotated);
        assertEquals("b".repeat(64), device.getTokenHash());
        assertTrue(device.isSpentWithinGrace("a".repeat(64), rotated.plusSeconds(9), grace));
        assertFalse(device.isSpentWithinGrace("a".repeat(64), rotated.plusSeconds(10), grace));
        assertFalse(device.isSpentWithinGrace("c".repeat(64), rotated.plusSeconds(1), grace), "another token is no double click");
        // A second request within the grace gets a token of its own; the grace does not start again.
        device.rotateAgain("d".repeat(64));
        assertEquals("d".repeat(64), device.getTokenHash());
        assertTrue(device.isSpentWithinGrace("a".repeat(64), rotated.plusSeconds(9), grace));
        assertFalse(device.isSpentWithinGrace("a".repeat(64), rotated.plusSeconds(11), grace));
    }
}
