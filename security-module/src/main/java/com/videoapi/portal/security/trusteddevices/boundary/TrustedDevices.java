package com.videoapi.portal.security.trusteddevices.boundary;

import com.videoapi.portal.security.trusteddevices.control.DeviceLabel;
import com.videoapi.portal.security.trusteddevices.control.DeviceTokens;
import com.videoapi.portal.security.trusteddevices.entity.TrustedDevice;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Browsers that may stand in for the code at sign-in. A token is good only for the user it was
 * issued to, and only until it expires ({@code twofactor.trusted-device.days}, default 30) or is
 * revoked.
 */
@Stateless
public class TrustedDevices {

    private static final Logger EVENTS = Logger.getLogger("com.videoapi.portal.security.events");

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "twofactor.trusted-device.days", defaultValue = "30")
    int trustDays;

    /** How long a new trust lasts; also the cookie's lifetime. */
    public Duration trustPeriod() {
        return Duration.ofDays(Math.max(1, trustDays));
    }

    /**
     * Trusts the browser that sent {@code userAgent} for this user.
     *
     * @return the token for the browser's cookie; it is not kept here
     */
    public String trust(UUID userId, String userAgent) {
        String token = DeviceTokens.newToken();
        Instant now = Instant.now();
        TrustedDevice device = new TrustedDevice(userId, DeviceTokens.hashOf(token),
                DeviceLabel.fromUserAgent(userAgent), now, now.plus(trustPeriod()));
        em.persist(device);
        EVENTS.info(() -> "Device " + device.getId() + " trusted by user " + userId);
        return token;
    }

    /**
     * Whether the token marks a device that this user trusts now. A token of another user, an
     * expired or a revoked one is not recognised; a recognised one has its last use recorded.
     */
    public boolean recognise(UUID userId, String token) {
        Optional<TrustedDevice> device = deviceOf(token);
        Instant now = Instant.now();
        if (device.isPresent() && device.get().getUserId().equals(userId) && device.get().isActiveAt(now)) {
            device.get().usedAt(now);
            return true;
        }
        return false;
    }

    /** The id of the active device of this user that the token marks, if any. */
    public Optional<UUID> currentDevice(UUID userId, String token) {
        Instant now = Instant.now();
        return deviceOf(token).filter(d -> d.getUserId().equals(userId) && d.isActiveAt(now)).map(TrustedDevice::getId);
    }

    public List<TrustedDeviceView> of(UUID userId, String currentToken) {
        UUID current = currentDevice(userId, currentToken).orElse(null);
        return em.createNamedQuery(TrustedDevice.ACTIVE_OF_USER, TrustedDevice.class)
                .setParameter("userId", userId)
                .setParameter("now", Instant.now())
                .getResultStream()
                .map(d -> new TrustedDeviceView(d.getId(), d.getLabel(), d.getCreatedAt(), d.getLastUsedAt(),
                        d.getExpiresAt(), d.getId().equals(current)))
                .toList();
    }

    /** How many devices stand in for a code now, of all users: neither revoked nor expired. */
    public long countActive() {
        return em.createNamedQuery(TrustedDevice.COUNT_ACTIVE, Long.class)
                .setParameter("now", Instant.now())
                .getSingleResult();
    }

    /** Revokes one device of this user; a device of someone else is left alone. */
    public boolean revoke(UUID userId, UUID deviceId) {
        TrustedDevice device = em.find(TrustedDevice.class, deviceId);
        if (device == null || !device.getUserId().equals(userId) || device.getRevokedAt() != null) {
            return false;
        }
        device.revokeAt(Instant.now());
        EVENTS.info(() -> "Device " + deviceId + " revoked by user " + userId);
        return true;
    }

    public int revokeAll(UUID userId) {
        int revoked = em.createQuery("update TrustedDevice d set d.revokedAt = :now, d.version = d.version + 1"
                        + " where d.userId = :userId and d.revokedAt is null")
                .setParameter("now", Instant.now())
                .setParameter("userId", userId)
                .executeUpdate();
        EVENTS.info(() -> revoked + " trusted device(s) of user " + userId + " revoked");
        return revoked;
    }

    private Optional<TrustedDevice> deviceOf(String token) {
        if (!DeviceTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery(TrustedDevice.BY_TOKEN_HASH, TrustedDevice.class)
                .setParameter("hash", DeviceTokens.hashOf(token))
                .getResultStream()
                .findFirst();
    }
}
