package com.videoapi.portal.security.trusteddevices.boundary;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.platform.tokens.SecretTokens;
import com.videoapi.portal.security.trusteddevices.entity.TrustedDevice;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Browsers that may stand in for the code at sign-in. The cookie value is {@code <device id>.<token>}.
 * A device is good only for the user it was issued to, until it expires
 * ({@code twofactor.trusted-device.lifetime}, default 30 days) or is revoked. Its token rotates at each sign-in
 * it stands in for; presenting a spent token revokes the device (theft detection). Revoking a device ends the
 * sessions of its browser ({@link #stillTrusted}). A user has at most {@value #MOST_PER_USER} active devices:
 * trusting one more drops the oldest, and the audit trail says so.
 * The token spent at the last rotation stays valid within {@code twofactor.trusted-device.rotation-grace}
 * (10 seconds): the second request of a double click.
 */
@Stateless
public class TrustedDevices {

    /**
     * The most active trusted devices a user has: each is a way in with the password alone, so they
     * must not pile up unseen (a fresh one every time cookies were cleared).
     */
    public static final int MOST_PER_USER = 10;

    /**
     * What a trusted-device cookie turned out to be at sign-in.
     *
     * @param detail for the audit trail: null, or how late a token spent a moment ago came
     */
    public record Recognition(boolean trusted, String rotatedCookieValue, String detail) {
        static final Recognition NOT_TRUSTED = new Recognition(false, null, null);
    }

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    SecurityEvents events;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "twofactor.trusted-device.lifetime")
    Duration lifetime;

    /**
     * How long the token spent at a rotation stays good: the second request of a double click on
     * "Sign in" presents it after the first rotated it (docs/security.md, how it was measured).
     */
    @Inject
    @ConfigProperty(name = "twofactor.trusted-device.rotation-grace")
    Duration rotationGrace;

    /** The setting of earlier versions, in whole days: an installation that sets it keeps its period. */
    @Inject
    @ConfigProperty(name = "twofactor.trusted-device.days")
    Optional<Integer> legacyDays;

    /** How long a new trust lasts; also the cookie's lifetime. At least a minute. */
    public Duration trustPeriod() {
        Duration period = legacyDays.map(Duration::ofDays).orElse(lifetime);
        return period.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : period;
    }

    /**
     * Trusts the browser that sent {@code userAgent} for this user.
     *
     * @return the value for the browser's cookie; its token is not kept here
     */
    public String trust(UUID userId, String userAgent) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        dropOldestBeyond(MOST_PER_USER - 1, userId, now);
        TrustedDevice device = new TrustedDevice(userId, SecretTokens.hashOf(token),
                DeviceLabel.fromUserAgent(userAgent), now, now.plus(trustPeriod()));
        em.persist(device);
        events.fireWithChange(Kind.DEVICE_TRUSTED, userId, null, device.getLabel());
        return device.getId() + "." + token;
    }

    /**
     * At sign-in: whether the cookie marks a device this user trusts now. If so its token is spent
     * and a new cookie value returned. A spent token revokes the device; a cookie of another user,
     * an expired or a revoked device is simply not trusted.
     */
    public Recognition recognise(UUID userId, String cookieValue) {
        Optional<TrustedDevice> found = deviceOf(cookieValue, true).filter(d -> d.getUserId().equals(userId));
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().isActiveAt(now)) {
            return Recognition.NOT_TRUSTED;
        }
        TrustedDevice device = found.get();
        String token = SecretTokens.newToken();
        if (tokenMatches(device, cookieValue)) {
            device.rotate(SecretTokens.hashOf(token), now);
            device.usedAt(now);
            return new Recognition(true, device.getId() + "." + token, null);
        }
        if (device.isSpentWithinGrace(SecretTokens.hashOf(presentedToken(cookieValue)), now, rotationGrace)) {
            // A double click (or two tabs at once): the browser may never see the first request's
            // new cookie, so this request gets one of its own.
            Duration late = Duration.between(device.getRotatedAt(), now);
            device.rotateAgain(SecretTokens.hashOf(token));
            device.usedAt(now);
            LOG.info(() -> "Trusted device " + device.getId() + ": the token spent " + late.toMillis()
                    + " ms before was accepted (rotation grace " + rotationGrace + ")");
            return new Recognition(true, device.getId() + "." + token,
                    "token spent " + late.toMillis() + " ms before, within the rotation grace");
        }
        device.revokeAt(now);
        events.fire(Kind.DEVICE_REVOKED, userId, null, device.getLabel() + ": a spent token was presented (copied cookie?)");
        return Recognition.NOT_TRUSTED;
    }

    /**
     * Revokes the user's oldest active devices until at most {@code keep} remain. Callers hold the
     * user's guard row (the code step checks the code under it), so two sign-ins cannot both skip it.
     */
    private void dropOldestBeyond(int keep, UUID userId, Instant now) {
        List<TrustedDevice> active = em.createNamedQuery(TrustedDevice.ACTIVE_OF_USER_OLDEST_FIRST, TrustedDevice.class)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .getResultList();
        for (TrustedDevice oldest : active.subList(0, Math.max(0, active.size() - keep))) {
            oldest.revokeAt(now);
            events.fire(Kind.DEVICE_REVOKED, userId, null, oldest.getLabel() + ": the oldest of " + MOST_PER_USER
                    + " trusted devices, dropped for a new one");
        }
    }

    /**
     * Whether the device a session signed in from is still trusted: false once revoked (by the user,
     * an operator, a spent token, or the limit per user), and when it is gone. Expiry does not end a
     * session that began before it.
     */
    public boolean stillTrusted(UUID deviceId) {
        TrustedDevice device = em.find(TrustedDevice.class, deviceId);
        return device != null && device.getRevokedAt() == null;
    }

    /** Whether the cookie marks a device this user trusts now, without spending its token. */
    public boolean isTrusted(UUID userId, String cookieValue) {
        return currentDevice(userId, cookieValue).isPresent();
    }

    /** The id of the active device of this user that the cookie marks, if any. */
    public Optional<UUID> currentDevice(UUID userId, String cookieValue) {
        Instant now = clock.instant();
        return deviceOf(cookieValue, false)
                .filter(d -> d.getUserId().equals(userId) && d.isActiveAt(now) && tokenMatches(d, cookieValue))
                .map(TrustedDevice::getId);
    }

    public List<TrustedDeviceView> of(UUID userId, String cookieValue) {
        UUID current = currentDevice(userId, cookieValue).orElse(null);
        return em.createNamedQuery(TrustedDevice.ACTIVE_OF_USER, TrustedDevice.class)
                .setParameter("userId", userId)
                .setParameter("now", clock.instant())
                // A list, not Hibernate's open stream: with a stream left open in SecuritySettings' one transaction,
                // Payara lost the audit rows of the next sign-in (PasskeyAttacksIT); with a list it did not.
                .getResultList().stream()
                .map(d -> new TrustedDeviceView(d.getId(), d.getLabel(), d.getCreatedAt(), d.getLastUsedAt(),
                        d.getExpiresAt(), d.getId().equals(current)))
                .toList();
    }

    /** How many devices stand in for a code now, of all users: neither revoked nor expired. */
    public long countActive() {
        return em.createNamedQuery(TrustedDevice.COUNT_ACTIVE, Long.class)
                .setParameter("now", clock.instant())
                .getSingleResult();
    }

    /** Revokes one device of this user; a device of someone else is left alone. */
    public boolean revoke(UUID userId, UUID deviceId) {
        TrustedDevice device = em.find(TrustedDevice.class, deviceId);
        if (device == null || !device.getUserId().equals(userId) || device.getRevokedAt() != null) {
            return false;
        }
        device.revokeAt(clock.instant());
        events.fire(Kind.DEVICE_REVOKED, userId, null, device.getLabel());
        return true;
    }

    public int revokeAll(UUID userId, String why) {
        int revoked = em.createQuery("update TrustedDevice d set d.revokedAt = :now, d.version = d.version + 1"
                        + " where d.userId = :userId and d.revokedAt is null")
                .setParameter("now", clock.instant())
                .setParameter("userId", userId)
                .executeUpdate();
        if (revoked > 0) {
            events.fire(Kind.DEVICE_REVOKED, userId, null, revoked + " device(s): " + why);
        }
        return revoked;
    }

    private Optional<TrustedDevice> deviceOf(String cookieValue, boolean forUpdate) {
        int dot = cookieValue == null ? -1 : cookieValue.indexOf('.');
        if (dot < 0 || !SecretTokens.isWellFormed(cookieValue.substring(dot + 1))) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(cookieValue.substring(0, dot));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return Optional.ofNullable(forUpdate
                ? em.find(TrustedDevice.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(TrustedDevice.class, id));
    }

    private static boolean tokenMatches(TrustedDevice device, String cookieValue) {
        return MessageDigest.isEqual(device.getTokenHash().getBytes(StandardCharsets.US_ASCII),
                SecretTokens.hashOf(presentedToken(cookieValue)).getBytes(StandardCharsets.US_ASCII));
    }

    private static String presentedToken(String cookieValue) {
        return cookieValue.substring(cookieValue.indexOf('.') + 1);
    }
}
